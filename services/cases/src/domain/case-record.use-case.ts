import { randomUUID } from 'node:crypto';
import { idempotentId } from '@hoanhap/kit';
import { returneeEvents, republishProfile } from '../events/returnee-events';
import type { CasesContext } from './cases.context';
import { declineIfNotInvitable } from './decide-invitation.use-case';
import { changeReturnee } from './returnee-change';
import type { Actor, Grade, InformationSheet, Milestone, MilestoneKind, ReceptionRecord } from './returnee.types';
import { withdraw } from './withdraw-referral.use-case';

/**
 * The id of a new entry of the file: derived from the Idempotency-Key when there is one, so that a retried
 * request finds the entry it already made (checked while the file is locked) and adds nothing.
 */
const entryId = (kind: string, actor: Actor, key: string | undefined) => (key ? idempotentId(kind, actor.id, key) : randomUUID());

/** A dated milestone, each one an event for reports (`record-cleared` also shows on the file's clearance). */
export async function recordMilestone(
  ctx: CasesContext,
  actor: Actor,
  id: string,
  input: { kind: MilestoneKind; on: string; documentNumber?: string },
  key?: string,
) {
  const milestoneId = entryId('milestone', actor, key);
  const { result } = await changeReturnee<Milestone>(ctx, actor, id, 'returnee.milestone', (current, _today, now) => {
    const earlier = current.milestones.find((m) => m.id === milestoneId);
    if (earlier) return { file: current, events: [], result: earlier };
    const milestone: Milestone = { id: milestoneId, ...input, recordedBy: actor.id, recordedAt: now };
    return {
      file: { ...current, milestones: [...current.milestones, milestone] },
      events: [returneeEvents.milestoneReached(current, milestone)],
      result: milestone,
    };
  });
  return result!;
}

/** Circular 10/2024/TT-BCA grade, with its history. The grade never leaves this service: no event. */
export async function gradeReturnee(
  ctx: CasesContext,
  actor: Actor,
  id: string,
  input: { grade: Grade; on?: string; reason?: string },
  key?: string,
) {
  const gradeId = entryId('grade', actor, key);
  const { result } = await changeReturnee(ctx, actor, id, 'returnee.grade', (current, today, now) => {
    const earlier = current.gradeHistory.find((g) => g.id === gradeId);
    if (earlier) return { file: current, events: [], result: earlier };
    const entry = {
      id: gradeId,
      grade: input.grade,
      on: input.on ?? today,
      ...(input.reason && { reason: input.reason }),
      recordedBy: actor.id,
      recordedAt: now,
    };
    return { file: { ...current, grade: input.grade, gradeHistory: [...current.gradeHistory, entry] }, events: [], result: entry };
  });
  return result!;
}

export async function addNote(ctx: CasesContext, actor: Actor, id: string, text: string, key?: string) {
  const noteId = entryId('note', actor, key);
  const { result } = await changeReturnee(ctx, actor, id, 'returnee.note', (current, _today, now) => {
    const earlier = current.notes.find((n) => n.id === noteId);
    if (earlier) return { file: current, events: [], result: earlier };
    const note = { id: noteId, text, recordedBy: actor.id, recordedAt: now };
    return { file: { ...current, notes: [...current.notes, note] }, events: [], result: note };
  });
  return result!;
}

/** Circular 10/2024/TT-BCA reception meeting and information sheet: the latest version is kept. */
export async function recordReception(ctx: CasesContext, actor: Actor, id: string, input: ReceptionRecord) {
  const { file } = await changeReturnee(ctx, actor, id, 'returnee.reception', (current, _today, now) => ({
    file: { ...current, reception: { ...input, recordedBy: actor.id, recordedAt: now } },
    events: [],
  }));
  return file.reception!;
}

export async function recordInformationSheet(ctx: CasesContext, actor: Actor, id: string, input: InformationSheet) {
  const { file } = await changeReturnee(ctx, actor, id, 'returnee.information-sheet', (current, _today, now) => ({
    file: { ...current, informationSheet: { ...input, recordedBy: actor.id, recordedAt: now } },
    events: [],
  }));
  return file.informationSheet!;
}

/**
 * Soft delete: the file is kept (hidden from officers, visible to admins, see the README's retention rule),
 * other services are told to drop what they hold (a profile revision with every consent off), and its open
 * referrals are withdrawn.
 */
export async function deleteReturnee(ctx: CasesContext, actor: Actor, id: string, reason: string) {
  await changeReturnee(ctx, actor, id, 'returnee.delete', async (current, today, now) => {
    for (const referral of await ctx.referrals.openOf(id)) await withdraw(ctx, actor, referral.id, 'officer');
    const off = { matching: false, shareWithEmployers: false, shareWithColleges: false, shareWithBank: false, discoverable: false };
    const consent = {
      ...current.consent,
      ...off,
      version: current.consent.version,
      note: 'file deleted',
      recordedBy: actor.id,
      recordedAt: now,
    };
    const deleted = {
      ...current,
      status: 'deleted' as const,
      deleted: { at: now, by: actor.id, reason },
      consent,
      consentHistory: [...current.consentHistory, current.consent],
    };
    const profile = republishProfile(deleted, today);
    return { file: profile.next, events: [profile.event] };
  });
  await declineIfNotInvitable(ctx, actor, id);
}
