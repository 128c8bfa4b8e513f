import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { isStale } from './referral.rules';
import type { Referral } from './referral.types';

/** A referral as shown: ours and the receiving side's status side by side, and the flags computed now. */
export function referralDto(r: Referral & { idempotency?: unknown }, ctx: Pick<CasesContext, 'clock' | 'settings'>) {
  // unreadAnswer is answered as newlyAnswered (openapi.yaml Referral), once
  const { idempotency: _i, unreadAnswer, ...referral } = r;
  return {
    ...referral,
    stale: isStale(r, todayInVietnam(ctx.clock()), ctx.settings.referralStaleDays),
    newlyAnswered: unreadAnswer,
  };
}
