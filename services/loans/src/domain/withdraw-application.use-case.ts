import { assertEditable } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import { assertStatus, moveTo } from './application-status.rules';
import type { LoanApplication } from './application.types';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import type { Trace } from './outgoing-event';

const WITHDRAWABLE = ['draft', 'submitted', 'under-review', 'more-info-needed'] as const;

/** The applicant withdraws an application that has no decision yet. */
export async function withdrawApplication(ctx: LoansContext, caller: Caller, id: string, reason?: string): Promise<ApplicationDto> {
  const updated = await ctx.applications.change(
    id,
    (current) => {
      assertEditable(current, id, caller);
      assertStatus(current, WITHDRAWABLE, 'withdraw');
      return moveTo(current, 'withdrawn', caller, ctx.now(), [reason ?? 'withdrawn by the applicant']);
    },
    caller.trace,
  );
  return applicationDto(updated, caller);
}

/**
 * cases withdrew the referral an application came from (by the officer, or because consent was revoked):
 * undecided applications are withdrawn with that reason, once per event.
 */
export async function withdrawForReferral(ctx: LoansContext, referralId: string, reason: string, trace: Trace & { applyOnce: string }): Promise<void> {
  for (const id of await ctx.applications.idsByReferral(referralId)) {
    await ctx.applications.change(
      id,
      (current: LoanApplication) =>
        (WITHDRAWABLE as readonly string[]).includes(current.status)
          ? moveTo(current, 'withdrawn', { userId: 'cases' }, ctx.now(), [`referral withdrawn: ${reason}`])
          : { next: current, events: [] },
      trace,
    );
  }
}
