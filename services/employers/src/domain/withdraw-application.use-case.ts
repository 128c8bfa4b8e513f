import { applicationStatusChanged } from '../events/application-events';
import { isWithdrawable } from './application.rules';
import type { Application, WithdrawalReason } from './application.types';
import { applicationIdFor } from './create-application.use-case';
import type { EmployersContext } from './employers.context';
import type { Changed, Trace } from './outgoing-event';

export interface ReferralWithdrawal {
  referralId: string;
  returneeId: string;
  target: { kind: string; id: string };
  reason: WithdrawalReason;
}

/**
 * The officer withdrew the referral, or the returnee revoked consent: the
 * application is withdrawn unless it was already answered (hired, declined).
 */
export async function withdrawApplication(ctx: EmployersContext, withdrawal: ReferralWithdrawal, trace: Trace): Promise<boolean> {
  if (withdrawal.target.kind !== 'job') return false;
  const id = applicationIdFor(withdrawal.referralId);
  let withdrawn = false;
  const withdraw = (application: Application): Changed<Application> | undefined => {
    if (!isWithdrawable(application.status)) return undefined;
    withdrawn = true;
    const next = { ...application, status: 'withdrawn' as const, reason: withdrawal.reason, updatedAt: ctx.now() };
    return { next, events: [applicationStatusChanged(next)] };
  };
  if (await ctx.applications.update(id, withdraw, trace)) return withdrawn;
  // The withdrawal overtook the referral (two topics, no order between them). Waiting for it would hold the
  // consumer, so the application is born withdrawn; the referral, when it comes, finds it and changes nothing.
  const job = await ctx.jobs.findById(withdrawal.target.id);
  if (!job) return false;
  const now = ctx.now();
  const placeholder: Application = {
    id,
    referralId: withdrawal.referralId,
    jobId: job.id,
    employerOrgId: job.employerOrgId,
    returneeId: withdrawal.returneeId,
    employmentType: job.employmentType,
    status: 'withdrawn',
    reason: withdrawal.reason,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.applications.create(placeholder, [applicationStatusChanged(placeholder)], trace);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // the referral arrived in between: withdraw what it created
    await ctx.applications.update(id, withdraw, trace);
    return withdrawn;
  }
}
