import type { LoanApplication } from './application.types';
import type { Caller } from './caller';
import { vietnamDate } from './calendar/iso-date';
import { decisionClock, type DecisionClock } from './calendar/working-days.rules';
import type { LoansContext } from './loans.context';
import { policyOn } from './policy/credit-policies';

const PURPOSE_BY_ROLE: Record<string, string> = { bank: 'loan-review', admin: 'oversight', officer: 'loan-application', employer: 'loan-application' };

/**
 * Every read of an application is logged with who, what, when and why (Law 91/2025, Decree 356/2025): the
 * file rests on criminal-justice facts even though loans shows none of them.
 */
export async function auditRead(ctx: LoansContext, caller: Caller, action: string, resourceId: string, details?: Record<string, unknown>): Promise<void> {
  await ctx.audit.append({
    actor: { id: caller.userId, role: caller.role, ...(caller.orgId ? { orgId: caller.orgId } : {}) },
    action,
    resource: { type: 'loan-application', id: resourceId },
    purpose: PURPOSE_BY_ROLE[caller.role] ?? 'loan-application',
    correlationId: caller.trace.correlationId,
    ...(details ? { details } : {}),
  });
}

/** The 3-working-day clock, while a complete file waits for the bank (paused while more information is asked). */
export function clockOf(ctx: LoansContext, application: LoanApplication): DecisionClock | undefined {
  if (!application.completeOn || !['submitted', 'under-review'].includes(application.status)) return undefined;
  const today = vietnamDate(ctx.now());
  const policy = policyOn(ctx.policies, today);
  if (!policy) return undefined;
  return decisionClock(application.completeOn, today, policy.decisionTargetWorkingDays.value, ctx.calendar);
}
