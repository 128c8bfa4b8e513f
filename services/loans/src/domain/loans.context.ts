import type { AuditLog } from '@hoanhap/audit';
import type { IdempotencyCache, IdempotencyRecord } from '@hoanhap/kit';
import type { ApplicationStatus, LoanApplication } from './application.types';
import type { HolidayCalendar } from './calendar/vietnam-holidays.data';
import type { ReturneeFacts } from './eligibility/eligibility.types';
import type { OutgoingEvent, Trace } from './outgoing-event';
import type { CreditPolicy, LoanPurpose } from './policy/credit-policy.types';

export interface ApplicationFilter {
  branchOrgId?: string;
  provinceCode?: string;
  employerOrgId?: string;
  createdByUserId?: string;
  returneeId?: string;
  status?: ApplicationStatus;
  /** Bank staff never see drafts. */
  excludeDrafts?: boolean;
}

export interface PagePosition {
  createdAt: string;
  id: string;
}

export interface Changed {
  next: LoanApplication;
  events: OutgoingEvent[];
}

export type StoredApplication = LoanApplication & { idempotency?: IdempotencyRecord };

/** Applications, one document each with their pending events (packages/events aggregate store). */
export interface ApplicationRepository {
  /** Inserts a new application; a duplicate-key error (code 11000) when the id exists. */
  create(application: StoredApplication, events: OutgoingEvent[], trace: Trace): Promise<void>;
  /** Changes one application as its only writer; `fn` returns the new state and its events. */
  change(id: string, fn: (current: LoanApplication) => Changed | Promise<Changed>, trace: Trace & { applyOnce?: string }): Promise<LoanApplication>;
  get(id: string): Promise<LoanApplication | undefined>;
  findIdempotency(id: string): Promise<IdempotencyRecord | undefined>;
  page(filter: ApplicationFilter, limit: number, after?: PagePosition): Promise<{ items: LoanApplication[]; more: boolean }>;
  /** Ids of the borrower's loans for a purpose in one of `statuses`. */
  idsFor(borrower: { returneeId?: string; employerOrgId?: string }, purpose: LoanPurpose, statuses: ApplicationStatus[]): Promise<string[]>;
  idsWithStatus(statuses: ApplicationStatus[]): Promise<string[]>;
  idsByReferral(referralId: string): Promise<string[]>;
}

export interface KnownReferral {
  referralId: string;
  returneeId: string;
  targetKind: 'job' | 'course' | 'loan';
  targetId: string;
  provinceCode: string;
  withdrawn?: boolean;
}

/** The read models loans keeps from cases events. */
export interface ReturneeRepository {
  get(returneeId: string): Promise<ReturneeFacts | undefined>;
  /** Facts of several returnees at once (a page of the queue), by returneeId. */
  getMany(returneeIds: string[]): Promise<Map<string, ReturneeFacts>>;
  /** Keeps the highest revision; an older one is ignored. */
  save(facts: ReturneeFacts): Promise<void>;
}

export interface ReferralRepository {
  get(referralId: string): Promise<KnownReferral | undefined>;
  save(referral: KnownReferral): Promise<void>;
}

/** Content-addressed file storage for uploaded documents. */
export interface DocumentStorage {
  put(bytes: Buffer): Promise<{ sha256: string; sizeBytes: number }>;
  get(sha256: string): Promise<Buffer | undefined>;
}

export interface LoansSettings {
  /** Retry-After for "not yet known" answers, seconds. */
  retryAfterSec: number;
  maxDocumentBytes: number;
  /** VBSP branch per province, used when an application names none. */
  branchByProvince: Record<string, string>;
}

export interface LoansContext {
  applications: ApplicationRepository;
  returnees: ReturneeRepository;
  referrals: ReferralRepository;
  documents: DocumentStorage;
  audit: Pick<AuditLog, 'append'>;
  policies: readonly CreditPolicy[];
  calendar: HolidayCalendar;
  settings: LoansSettings;
  idempotencyCache?: IdempotencyCache;
  now(): Date;
}
