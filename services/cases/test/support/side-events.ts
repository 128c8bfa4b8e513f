import { randomUUID } from 'node:crypto';
import type { ApplicationStatusChangedV1, EnrolmentStatusChangedV1, LoanApplicationStatusChangedV1 } from '@hoanhap/contracts';

/** The receiving sides' contract events, as employers, colleges and loans publish them. */
export const sideEvents = {
  application: (
    referralId: string,
    returneeId: string,
    applicationId: string,
    status: ApplicationStatusChangedV1['status'],
    extra: Partial<ApplicationStatusChangedV1> = {},
  ): ApplicationStatusChangedV1 => ({
    applicationId,
    referralId,
    jobId: 'job-welder-1',
    employerOrgId: 'org-employer-1',
    returneeId,
    status,
    employmentType: 'stable',
    at: new Date().toISOString(),
    ...extra,
  }),
  enrolment: (
    referralId: string,
    returneeId: string,
    enrolmentId: string,
    status: EnrolmentStatusChangedV1['status'],
    extra: Partial<EnrolmentStatusChangedV1> = {},
  ): EnrolmentStatusChangedV1 => ({
    enrolmentId,
    referralId,
    cohortId: 'cohort-welding-2026',
    returneeId,
    status,
    at: new Date().toISOString(),
    ...extra,
  }),
  loan: (
    referralId: string,
    returneeId: string,
    applicationId: string,
    status: LoanApplicationStatusChangedV1['status'],
    extra: Partial<LoanApplicationStatusChangedV1> = {},
  ): LoanApplicationStatusChangedV1 => ({
    applicationId,
    referralId,
    returneeId,
    borrowerKind: 'individual',
    purpose: 'production',
    status,
    amountVnd: 50_000_000,
    at: new Date().toISOString(),
    ...extra,
  }),
};

export const newId = () => randomUUID();
