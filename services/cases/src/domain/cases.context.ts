import type { AuditLog } from '@hoanhap/audit';
import type { IdempotencyCache } from '@hoanhap/kit';
import type { ImportBatchRepository } from '../store/import-batch.repository';
import type { InvitationRepository } from '../store/invitation.repository';
import type { ReferralRepository } from '../store/referral.repository';
import type { ReturneeRepository } from '../store/returnee.repository';
import type { TargetRepository } from '../store/target.repository';

export interface CasesSettings {
  /** A referral open and unchanged this many days is flagged stale (REFERRAL_STALE_DAYS). */
  referralStaleDays: number;
  /** Refuse referrals to jobs, cohorts or loan products not heard of from events (409 …NOT_YET_KNOWN). */
  referralTargetCheck: boolean;
  /** Seconds a client should wait before retrying a …NOT_YET_KNOWN. */
  retryAfterSec: number;
  /** The consent form version recorded when registration sends consent without one. */
  consentFormVersion: string;
}

/** What the use cases work with; built once in app.ts, swapped in tests through createCasesApp's deps. */
export interface CasesContext {
  returnees: ReturneeRepository;
  referrals: ReferralRepository;
  invitations: InvitationRepository;
  targets: TargetRepository;
  imports: ImportBatchRepository;
  audit: AuditLog;
  settings: CasesSettings;
  /** Now; tests move it to check dates (stale referrals, windows). */
  clock: () => Date;
  idempotencyCache?: IdempotencyCache;
}
