import { communeInProvince } from '@hoanhap/reference';
import { AppError } from '@hoanhap/kit';
import { returneeEvents } from '../events/returnee-events';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import { movePendingInvitations } from './decide-invitation.use-case';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { clampLimit, decodeCursor, pageOf } from './pagination';
import type { Returnee } from './returnee';
import { changeReturnee } from './returnee-change';
import type { Actor, Transfer } from './returnee.types';
import { republishIfChanged } from './update-returnee.use-case';

type Place = { provinceCode: string; communeCode: string };

/** Asks to move a file; it stays with its province (and the officer keeps working on it) until accepted. */
export async function requestTransfer(ctx: CasesContext, actor: Actor, id: string, to: Place) {
  if (!communeInProvince(to.communeCode, to.provinceCode)) {
    throw errors.invalid([
      { field: 'communeCode', in: 'body', rule: 'reference', message: `commune ${to.communeCode} is not in province ${to.provinceCode}` },
    ]);
  }
  const { file } = await changeReturnee(ctx, actor, id, 'returnee.transfer-request', (current, _today, now) => {
    if (current.status === 'transfer-pending')
      throw new AppError('TRANSFER.ALREADY_PENDING', 409, `file ${id} already has a pending transfer`);
    if (current.address.communeCode === to.communeCode) throw errors.sameAddress();
    const from = { provinceCode: current.address.provinceCode, communeCode: current.address.communeCode };
    return {
      file: { ...current, status: 'transfer-pending' as const, transfer: { from, to, requestedBy: actor.id, requestedAt: now } },
      events: [],
    };
  });
  return { id, status: file.status, transfer: file.transfer };
}

/** Everyone who recorded something in the file so far: after the move they keep read access to that only. */
function recorders(r: Returnee): string[] {
  const ids = [
    r.registeredBy.id,
    r.consent.recordedBy,
    ...r.consentHistory.map((c) => c.recordedBy),
    ...r.notes.map((n) => n.recordedBy),
    ...r.milestones.map((m) => m.recordedBy),
    ...r.gradeHistory.map((g) => g.recordedBy),
    r.reception?.recordedBy,
    r.informationSheet?.recordedBy,
    r.transfer?.requestedBy,
  ];
  return [...new Set([...r.formerOfficerIds, ...ids.filter((i): i is string => typeof i === 'string')])];
}

/**
 * The receiving province's officer (or an admin) accepts: the file moves, its officers of the old province
 * keep read access to what they recorded, and `cases.returnee.transferred.v1` (plus a profile revision
 * when the matching section shows the commune) is published.
 */
export async function acceptTransfer(ctx: CasesContext, actor: Actor, id: string) {
  const scope = provinceScope(actor);
  const now = ctx.clock().toISOString();
  let done: Transfer | undefined;
  const file = await ctx.returnees.change(id, actor, async (current) => {
    const pending = current?.status === 'transfer-pending' ? current.transfer : undefined;
    if (
      !current ||
      current.status === 'deleted' ||
      (scope && scope !== current.address.provinceCode && scope !== pending?.to.provinceCode)
    ) {
      throw errors.returneeNotFound(id);
    }
    if (!pending) throw errors.noPendingTransfer(id);
    if (scope && scope !== pending.to.provinceCode) throw errors.transferNotForYou();
    done = { ...pending, acceptedBy: actor.id, acceptedAt: now };
    const moved: Returnee = {
      ...current,
      status: 'active',
      address: { provinceCode: pending.to.provinceCode, communeCode: pending.to.communeCode },
      transfer: null,
      transfers: [...current.transfers, done],
      formerOfficerIds: recorders(current),
      updatedAt: now,
    };
    const { file: next, events } = republishIfChanged(current, moved, todayInVietnam(ctx.clock()));
    return { file: next, events: [returneeEvents.transferred(next, pending.from, now), ...events] };
  });
  await movePendingInvitations(ctx, actor, id, file.address.provinceCode);
  await audit(ctx, actor, 'returnee.transfer-accept', { type: 'returnee', id });
  return { id, status: file.status, address: file.address, transfer: done };
}

/** Transfers waiting for the caller's province (all provinces for an admin): who is coming, from where. */
export async function incomingTransfers(ctx: CasesContext, actor: Actor, query: { limit?: number; cursor?: string }) {
  const limit = clampLimit(query.limit);
  const rows = await ctx.returnees.pendingTransfersTo(provinceScope(actor), limit, decodeCursor(query.cursor));
  return pageOf(rows, limit, ({ returnee: r }) => ({
    returneeId: r.id,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    transfer: r.transfer,
  }));
}
