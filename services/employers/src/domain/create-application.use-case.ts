import { AppError, idempotentId } from '@hoanhap/kit';
import type { Application } from './application.types';
import type { EmployersContext } from './employers.context';
import type { Trace } from './outgoing-event';

/** The essentials of cases.referral.created.v1 this service uses. */
export interface JobReferral {
  referralId: string;
  returneeId: string;
  target: { kind: string; id: string };
  officerOrgId?: string;
  provinceCode: string;
}

/** One application per referral: its id is derived from the referral id, so a redelivery inserts nothing. */
export const applicationIdFor = (referralId: string) => idempotentId('application', 'referral', referralId);

/**
 * An officer referred a returnee to a job: the employer gets an application
 * with status `new`. This is the only way an application comes to exist;
 * employers never invent candidates. Referrals to courses and loans are not
 * this service's. The referral becomes `seen` when the employer opens it.
 */
export async function createApplicationFromReferral(
  ctx: EmployersContext,
  referral: JobReferral,
  trace: Trace,
): Promise<Application | undefined> {
  if (referral.target.kind !== 'job') return undefined;
  const job = await ctx.jobs.findById(referral.target.id);
  // jobs are born here, so an unknown one will never arrive: dead-letter it rather than retry
  if (!job)
    throw new AppError('JOB.NOT_FOUND', 422, `referral ${referral.referralId} names unknown job ${referral.target.id}`, {
      retryable: false,
    });
  const now = ctx.now();
  const application: Application = {
    id: applicationIdFor(referral.referralId),
    referralId: referral.referralId,
    jobId: job.id,
    employerOrgId: job.employerOrgId,
    returneeId: referral.returneeId,
    employmentType: job.employmentType,
    ...(referral.officerOrgId ? { officerOrgId: referral.officerOrgId } : {}),
    provinceCode: referral.provinceCode,
    status: 'new',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.applications.create(application, [], trace);
  } catch (error) {
    // a redelivered referral: the application exists already
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  return application;
}
