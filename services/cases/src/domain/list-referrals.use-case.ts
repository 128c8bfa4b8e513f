import { addDays, todayInVietnam } from './calendar.rules';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { clampLimit, decodeCursor, pageOf } from './pagination';
import { referralDto } from './referral.dto';
import type { Referral, ReferralStatus } from './referral.types';
import type { Actor } from './returnee.types';

export interface ReferralQuery {
  returneeId?: string;
  status?: ReferralStatus;
  provinceCode?: string;
  limit?: number;
  cursor?: string;
}

/** Referrals of the officer's province (any for an admin), newest first. */
export async function listReferrals(ctx: CasesContext, actor: Actor, query: ReferralQuery) {
  const scope = provinceScope(actor);
  if (scope && query.provinceCode && query.provinceCode !== scope) return { items: [], nextCursor: null };
  const limit = clampLimit(query.limit);
  const rows = await ctx.referrals.page(
    { returneeId: query.returneeId, status: query.status, provinceCode: scope ?? query.provinceCode },
    limit,
    decodeCursor(query.cursor),
  );
  return pageOf(rows, limit, (row) => referralDto(row.referral, ctx));
}

/**
 * The officer's inbox: referrals of their province answered since they last looked (`newlyAnswered`), and
 * open ones unchanged for REFERRAL_STALE_DAYS days (`stale`), newest first.
 */
export async function referralInbox(ctx: CasesContext, actor: Actor, query: { limit?: number; cursor?: string }) {
  const limit = clampLimit(query.limit);
  // stale when unchanged on or before this day, the same rule as isStale
  const staleBefore = `${addDays(todayInVietnam(ctx.clock()), 1 - ctx.settings.referralStaleDays)}T00:00:00.000Z`;
  const rows = await ctx.referrals.inbox(provinceScope(actor), staleBefore, limit, decodeCursor(query.cursor));
  return pageOf(rows, limit, (row) => referralDto(row.referral, ctx));
}

async function visibleReferral(ctx: CasesContext, actor: Actor, id: string): Promise<Referral> {
  const scope = provinceScope(actor);
  const referral = await ctx.referrals.findById(id);
  if (!referral || (scope && referral.provinceCode !== scope)) throw errors.referralNotFound(id);
  return referral;
}

export async function getReferral(ctx: CasesContext, actor: Actor, id: string) {
  return referralDto(await visibleReferral(ctx, actor, id), ctx);
}

/** The officer has seen the latest answer: it leaves the inbox (unless it is also stale). */
export async function markReferralRead(ctx: CasesContext, actor: Actor, id: string) {
  await visibleReferral(ctx, actor, id);
  const cleared = await ctx.referrals.change(id, actor, async (current) =>
    current?.unreadAnswer ? { referral: { ...current, unreadAnswer: false }, events: [] } : null,
  );
  await audit(ctx, actor, 'referral.read', { type: 'referral', id });
  return referralDto(cleared ?? (await visibleReferral(ctx, actor, id)), ctx);
}
