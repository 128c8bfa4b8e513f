import { isDeepStrictEqual } from 'node:util';
import { AppError } from '@hoanhap/kit';
import { republishProfile, republishRestrictions } from '../events/returnee-events';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { profileFacts, restrictionFacts } from './profile.rules';
import type { Returnee } from './returnee';
import { changeReturnee } from './returnee-change';
import { fileDto } from './returnee.dto';
import { inputErrors } from './returnee-input.rules';
import type { Actor, Restrictions } from './returnee.types';
import type { OutgoingEvent } from './outgoing-event';
import type { OptionalFileField, RequiredFileField } from './register-returnee.use-case';

export type ReturneeChanges = Partial<Pick<Returnee, RequiredFileField | OptionalFileField>> & { restrictions?: Partial<Restrictions> };

const useTransfer = () =>
  new AppError('RETURNEE.USE_TRANSFER', 422, 'moving to another commune or province is a transfer: POST /returnees/{id}/transfer', {
    errors: [{ field: 'address.communeCode', in: 'body', rule: 'transfer', message: 'use a transfer to move the file' }],
  });

/** The events a change calls for: a new profile or restrictions revision only when what others see changed. */
export function republishIfChanged(before: Returnee, after: Returnee, today: string): { file: Returnee; events: OutgoingEvent[] } {
  const events: OutgoingEvent[] = [];
  let file = after;
  if (!isDeepStrictEqual(profileFacts(before, today), profileFacts(after, today))) {
    const profile = republishProfile(file, today);
    file = profile.next;
    events.push(profile.event);
  }
  if (!isDeepStrictEqual(restrictionFacts(before), restrictionFacts(after))) {
    const restrictions = republishRestrictions(file);
    file = restrictions.next;
    events.push(restrictions.event);
  }
  return { file, events };
}

/** Changes parts of a file (only the fields sent); a national ID already in another file → 409. */
export async function updateReturnee(ctx: CasesContext, actor: Actor, id: string, changes: ReturneeChanges) {
  const { file } = await changeReturnee(ctx, actor, id, 'returnee.update', async (current, today) => {
    if (
      changes.address &&
      (changes.address.communeCode !== current.address.communeCode || changes.address.provinceCode !== current.address.provinceCode)
    ) {
      throw useTransfer();
    }
    const next: Returnee = {
      ...current,
      ...changes,
      ...(changes.fullName && { fullName: changes.fullName.normalize('NFC').trim().replace(/\s+/g, ' ') }),
      restrictions: { ...current.restrictions, ...changes.restrictions },
    };
    const problems = inputErrors(next, today);
    if (problems.length > 0) throw errors.invalid(problems);
    if (changes.nationalId && changes.nationalId !== current.nationalId) {
      const holder = await ctx.returnees.findIdByNationalId(changes.nationalId);
      if (holder && holder !== id) throw errors.nationalIdTaken(holder);
    }
    return republishIfChanged(current, next, today);
  }).catch(async (error: unknown) => {
    // two files racing for one national ID: the unique index decides
    if ((error as { code?: number })?.code === 11000 && changes.nationalId) {
      throw errors.nationalIdTaken((await ctx.returnees.findIdByNationalIdScanning(changes.nationalId)) ?? 'unknown');
    }
    throw error;
  });
  return fileDto(file, todayInVietnam(ctx.clock()));
}
