export const REFERRAL_KINDS = ['job', 'course', 'loan'] as const;
export const REFERRAL_STATUSES = ['sent', 'seen', 'in-progress', 'succeeded', 'declined', 'withdrawn'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type WithdrawReason = 'officer' | 'consent-revoked';

/** One referral of a returnee to a job, a course cohort or a loan, followed to its answer (ARCHITECTURE §3). */
export interface Referral {
  id: string;
  returneeId: string;
  target: { kind: ReferralKind; id: string };
  note?: string;
  status: ReferralStatus;
  /** The receiving side's own status and reason, shown beside ours. */
  side?: { status: string; reason?: string; at: string; recordId?: string };
  officerId: string;
  officerOrgId?: string;
  provinceCode: string;
  communeCode: string;
  createdAt: string;
  /** When the status (ours or the side's) last changed: the stale clock. */
  changedAt: string;
  /** Set when the receiving side changed something the officer has not looked at yet. */
  unreadAnswer: boolean;
  withdrawn?: { reason: WithdrawReason; at: string; by?: string };
  history: { status: ReferralStatus; sideStatus?: string; reason?: string; at: string }[];
}
