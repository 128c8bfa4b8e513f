import { invitationDecided } from '../events/invitation-events';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import type { CasesContext } from './cases.context';
import { createReferral } from './create-referral.use-case';
import { invitationErrors } from './invitation.errors';
import { AUTOMATIC, isInvitable } from './invitation.rules';
import type { DeclineReason, Invitation } from './invitation.types';
import type { Actor } from './returnee.types';
import { withdraw } from './withdraw-referral.use-case';

export interface Approval {
  /** Goes to the employer with the referral, like any referral note. */
  note?: string;
}

export interface Decline {
  reason: DeclineReason;
  /** The officer's own words; never leaves cases. */
  note?: string;
}

/** An invitation of the officer's province (any for an admin), or 404 — another province's does not show. */
async function visible(ctx: CasesContext, actor: Actor, id: string): Promise<Invitation> {
  const scope = provinceScope(actor);
  const invitation = await ctx.invitations.findById(id);
  if (!invitation || (scope && invitation.provinceCode !== scope)) throw invitationErrors.notFound(id);
  return invitation;
}

const decided = (current: Invitation, next: Partial<Invitation>, at: string) => {
  const invitation: Invitation = { ...current, ...next };
  return { invitation, events: [invitationDecided(invitation, at)] };
};

const declineAutomatically = (current: Invitation, at: string) =>
  decided(current, { status: 'declined', decision: { reason: AUTOMATIC.reason, by: AUTOMATIC.by, automatic: true, at } }, at);

/**
 * The officer approves: a normal referral of the returnee to the job (consent checked under the file's lock, as
 * for any referral), then the invitation records it and tells the employer. No lock is held across the two
 * writes (a slow referral must not outlive the invitation's lock): if the invitation was answered meanwhile
 * (another officer, a consent revocation), the referral just made is withdrawn and the answer stands (409).
 * The referral's Idempotency-Key is the invitation's, so a retry after a crash between the two writes finds the
 * referral already made. A returnee no longer invitable is declined automatically instead (422).
 */
export async function approveInvitation(ctx: CasesContext, actor: Actor, id: string, approval: Approval): Promise<Invitation> {
  const found = await visible(ctx, actor, id);
  if (found.status !== 'pending') throw invitationErrors.alreadyDecided(id, found.status);
  if (!isInvitable(await ctx.returnees.findById(found.returneeId))) {
    await declineIfNotInvitable(ctx, actor, found.returneeId);
    throw invitationErrors.notInvitable(id);
  }
  const referral = await createReferral(ctx, actor, `invitation:${id}`, {
    returneeId: found.returneeId,
    target: { kind: 'job', id: found.jobId },
    ...(approval.note && { note: approval.note }),
  });
  let answered: string | undefined;
  const saved = await ctx.invitations.change(id, actor, async (current) => {
    if (current.status !== 'pending') {
      answered = current.status;
      return null;
    }
    const at = ctx.clock().toISOString();
    return decided(current, { status: 'approved', referralId: referral.id, decision: { by: actor.id, automatic: false, at } }, at);
  });
  if (answered) {
    await withdraw(ctx, actor, referral.id, 'officer');
    throw invitationErrors.alreadyDecided(id, answered);
  }
  await audit(ctx, actor, 'invitation.approve', { type: 'invitation', id }, 'referral', { referralId: referral.id });
  return saved!;
}

/** The officer declines with a reason from the list (the employer sees the code, never the note). */
export async function declineInvitation(ctx: CasesContext, actor: Actor, id: string, decline: Decline): Promise<Invitation> {
  await visible(ctx, actor, id);
  const saved = await ctx.invitations.change(id, actor, async (current) => {
    if (current.status !== 'pending') throw invitationErrors.alreadyDecided(id, current.status);
    const at = ctx.clock().toISOString();
    const decision = { reason: decline.reason, ...(decline.note && { note: decline.note }), by: actor.id, automatic: false, at };
    return decided(current, { status: 'declined', decision }, at);
  });
  await audit(ctx, actor, 'invitation.decline', { type: 'invitation', id }, 'referral', { reason: decline.reason });
  return saved!;
}

/** After a consent change or a deletion: pending invitations of a returnee no longer invitable are declined. */
export async function declineIfNotInvitable(ctx: CasesContext, actor: Actor, returneeId: string): Promise<string[]> {
  if (isInvitable(await ctx.returnees.findById(returneeId))) return [];
  const declined: string[] = [];
  for (const pending of await ctx.invitations.pendingOf(returneeId)) {
    const saved = await ctx.invitations.change(pending.id, actor, async (current) =>
      current.status === 'pending' ? declineAutomatically(current, ctx.clock().toISOString()) : null,
    );
    if (saved) declined.push(saved.id);
  }
  return declined;
}

export { visible as visibleInvitation };

/**
 * A transferred file takes its pending invitations with it: the receiving province's officer answers them
 * (the old officer no longer manages the person). Answered invitations stay as they were.
 */
export async function movePendingInvitations(ctx: CasesContext, actor: Actor, returneeId: string, provinceCode: string): Promise<number> {
  let moved = 0;
  for (const pending of await ctx.invitations.pendingOf(returneeId)) {
    const saved = await ctx.invitations.change(pending.id, actor, async (current) =>
      current.status === 'pending' && current.provinceCode !== provinceCode
        ? { invitation: { ...current, provinceCode }, events: [] }
        : null,
    );
    if (saved) moved += 1;
  }
  return moved;
}
