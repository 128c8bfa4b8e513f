import type { EmploymentType } from './job.types';

export const APPLICATION_STATUSES = ['new', 'interview', 'offered', 'hired', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Why an employer declines; free text goes in `reasonNote`. */
export const DECLINE_REASONS = [
  'skills-mismatch',
  'position-filled',
  'candidate-declined',
  'no-show',
  'failed-interview',
  'job-cancelled',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Labour Code 2019 Art. 20 contract kinds, plus probation (Art. 24). */
export const CONTRACT_TYPES = ['indefinite', 'fixed-term', 'seasonal', 'probation'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export type WithdrawalReason = 'officer' | 'consent-revoked';

/** A returnee referred to a job: created only from cases.referral.created.v1, never by an employer. */
export interface Application {
  id: string;
  referralId: string;
  jobId: string;
  employerOrgId: string;
  /** Pseudonymous: the UUID cases uses, nothing more. */
  returneeId: string;
  /** The job's, when the referral arrived: reports count stable and seasonal hires apart. */
  employmentType: EmploymentType;
  /** The referring officer's organisation and area: who else may follow this application (unknown when the withdrawal came first). */
  officerOrgId?: string;
  provinceCode?: string;
  status: ApplicationStatus;
  /** When the employer first opened it (the referral becomes `seen`). */
  openedAt?: Date;
  interviewAt?: Date;
  startDate?: string;
  contractType?: ContractType;
  hiredAt?: Date;
  reason?: DeclineReason | WithdrawalReason;
  reasonNote?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApplicationPatch {
  status: 'interview' | 'offered' | 'hired' | 'declined';
  interviewAt?: string;
  startDate?: string;
  contractType?: ContractType;
  reason?: DeclineReason;
  reasonNote?: string;
}

export interface ApplicationFilter {
  jobId?: string;
  employerOrgId?: string;
  status?: ApplicationStatus;
  /** Officers: applications their organisation referred, or in their province. */
  officerScope?: { orgId?: string; provinceCode?: string };
}
