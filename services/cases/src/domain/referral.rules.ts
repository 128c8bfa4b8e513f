import { daysBetween } from './calendar.rules';
import type { ConsentPurpose } from './returnee.types';
import type { Referral, ReferralKind, ReferralStatus } from './referral.types';

/** Which consent a referral to each kind of recipient needs (Law 91/2025: per purpose, per recipient). */
export const CONSENT_FOR_KIND: Record<ReferralKind, ConsentPurpose> = {
  job: 'shareWithEmployers',
  course: 'shareWithColleges',
  loan: 'shareWithBank',
};
export const KIND_FOR_CONSENT: Partial<Record<ConsentPurpose, ReferralKind>> = {
  shareWithEmployers: 'job',
  shareWithColleges: 'course',
  shareWithBank: 'loan',
};

/** ARCHITECTURE §3: each receiving side's statuses, mapped onto the referral's. Unknown side statuses map to nothing. */
const SIDE_STATUS_MAP: Record<ReferralKind, Record<string, ReferralStatus>> = {
  job: { new: 'seen', interview: 'in-progress', offered: 'in-progress', hired: 'succeeded', declined: 'declined', withdrawn: 'withdrawn' },
  course: {
    new: 'seen',
    enrolled: 'in-progress',
    waitlisted: 'in-progress',
    completed: 'succeeded',
    declined: 'declined',
    dropped: 'declined',
    withdrawn: 'withdrawn',
  },
  loan: {
    draft: 'sent',
    submitted: 'seen',
    'under-review': 'in-progress',
    'more-info-needed': 'in-progress',
    approved: 'succeeded',
    disbursed: 'succeeded',
    repaying: 'succeeded',
    closed: 'succeeded',
    overdue: 'succeeded',
    rejected: 'declined',
    withdrawn: 'withdrawn',
  },
};

/**
 * The referral status a side status means. An employer's application is `new` from the moment the referral
 * creates it; only once the employer opened it (`openedAt`) has the referral been seen.
 */
export function mapSideStatus(kind: ReferralKind, sideStatus: string, opened = true): ReferralStatus | undefined {
  if (kind === 'job' && sideStatus === 'new' && !opened) return 'sent';
  return SIDE_STATUS_MAP[kind][sideStatus];
}

const RANK: Record<ReferralStatus, number> = { sent: 0, seen: 1, 'in-progress': 2, succeeded: 3, declined: 3, withdrawn: 3 };
export const isTerminal = (status: ReferralStatus) => RANK[status] === 3;
export const OPEN_STATUSES: ReferralStatus[] = ['sent', 'seen', 'in-progress'];

/**
 * The referral's next status when the receiving side reports `mapped`: it only moves forward (events from
 * different topics may arrive late), and an answer (succeeded, declined, withdrawn) is final — a loan going
 * from approved to overdue stays a success; the side's own status is still shown beside it.
 */
export function nextStatus(current: ReferralStatus, mapped: ReferralStatus | undefined): ReferralStatus {
  if (!mapped || isTerminal(current)) return current;
  return RANK[mapped] > RANK[current] ? mapped : current;
}

/** Stale: open and unchanged for `staleDays` days or more (a flag for the officer, computed at read time). */
export function isStale(referral: Pick<Referral, 'status' | 'changedAt'>, today: string, staleDays: number): boolean {
  return !isTerminal(referral.status) && daysBetween(referral.changedAt.slice(0, 10), today) >= staleDays;
}

/** Days from the referral to its answer, for reports (only when the answer is a decision). */
export function daysToAnswer(createdAt: string, at: string, status: ReferralStatus): number | undefined {
  return status === 'succeeded' || status === 'declined' ? Math.max(0, daysBetween(createdAt.slice(0, 10), at.slice(0, 10))) : undefined;
}
