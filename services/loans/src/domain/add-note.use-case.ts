import { randomUUID } from 'node:crypto';
import { assertReadable } from './access.rules';
import { assertStatus } from './application-status.rules';
import type { Note } from './application.types';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';

export interface NewNote {
  kind: 'note' | 'assessment';
  text: string;
  recommendation?: 'approve' | 'reject';
}

/** A bank note; an `assessment` (with a recommendation) is what the four-eyes rule keeps from the decider. */
export async function addNote(ctx: LoansContext, caller: Caller, id: string, input: NewNote): Promise<Note> {
  const note: Note = { id: randomUUID(), kind: input.kind, text: input.text, ...(input.recommendation ? { recommendation: input.recommendation } : {}), by: caller.userId, at: ctx.now().toISOString() };
  await ctx.applications.change(
    id,
    (current) => {
      assertReadable(current, id, caller);
      if (input.kind === 'assessment') assertStatus(current, ['under-review'], 'assess');
      else assertStatus(current, ['submitted', 'under-review', 'more-info-needed', 'approved', 'rejected', 'disbursed', 'repaying', 'overdue', 'closed'], 'annotate');
      return { next: { ...current, notes: [...current.notes, note], updatedAt: note.at }, events: [] };
    },
    caller.trace,
  );
  return note;
}
