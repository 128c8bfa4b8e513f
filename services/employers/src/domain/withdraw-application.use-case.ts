import { AppError } from '@hoanhap/kit';
import { applicationStatusChanged } from '../events/application-events';
import { isWithdrawable } from './application.rules';
import type { WithdrawalReason } from './application.types';
import type { EmployersContext } from './employers.context';
import type { Trace } from './outgoing-event';

export interface ReferralWithdrawal {
  referralId: string;
  target: { kind: string; id: string };
  reason: WithdrawalReason;
}

/**
 * The officer withdrew the referral, or the returnee revoked consent: the
 * application is withdrawn unless it was already answered (hired, declined).
 * The withdrawal can overtake the referral's creation (two topics, no order
 * between them), so an unknown referral is retried, not dropped.
 */
export async function withdrawApplication(ctx: EmployersContext, withdrawal: ReferralWithdrawal, trace: Trace): Promise<boolean> {
  if (withdrawal.target.kind !== 'job') return false;
  const found = await ctx.applications.findByReferral(withdrawal.referralId);
  if (!found) {
    throw new AppError('APPLICATION.NOT_YET_KNOWN', 409, `no application yet for referral ${withdrawal.referralId}`, { retryable: true });
  }
  let withdrawn = false;
  await ctx.applications.update(
    found.id,
    (application) => {
      if (!isWithdrawable(application.status)) return undefined;
      const next = { ...application, status: 'withdrawn' as const, reason: withdrawal.reason, updatedAt: ctx.now() };
      withdrawn = true;
      return { next, events: [applicationStatusChanged(next)] };
    },
    trace,
  );
  return withdrawn;
}
