import { referralEvents } from '../events/referral-events';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { isTerminal } from './referral.rules';
import type { Referral, WithdrawReason } from './referral.types';
import type { Actor } from './returnee.types';

/**
 * Withdraws one referral as its only writer: `cases.referral.withdrawn.v1` tells the receiving side to
 * withdraw its application and drop the profile; `status-changed` tells reports. An answered referral stays
 * as it is (null).
 */
export async function withdraw(ctx: CasesContext, actor: Actor, id: string, reason: WithdrawReason): Promise<Referral | null> {
  return ctx.referrals.change(id, actor, async (current) => {
    if (!current || isTerminal(current.status)) return null;
    const at = ctx.clock().toISOString();
    const referral: Referral = {
      ...current,
      status: 'withdrawn',
      changedAt: at,
      withdrawn: { reason, at, by: actor.id },
      history: [...current.history, { status: 'withdrawn', reason, at }],
    };
    return { referral, events: [referralEvents.withdrawn(referral, reason, at), referralEvents.statusChanged(referral, at)] };
  });
}

/** The officer withdraws an open referral of their province (404 for another province's). */
export async function withdrawReferral(ctx: CasesContext, actor: Actor, id: string): Promise<Referral> {
  const scope = provinceScope(actor);
  const referral = await ctx.referrals.findById(id);
  if (!referral || (scope && referral.provinceCode !== scope)) throw errors.referralNotFound(id);
  const withdrawn = await withdraw(ctx, actor, id, 'officer');
  if (!withdrawn) throw errors.referralClosed(id, (await ctx.referrals.findById(id))?.status ?? referral.status);
  await audit(ctx, actor, 'referral.withdraw', { type: 'referral', id });
  return withdrawn;
}
