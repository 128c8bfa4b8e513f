import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { foldVietnamese } from '@hoanhap/reference';
import { republishProfile, republishRestrictions, returneeEvents } from '../events/returnee-events';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import type { Returnee } from './returnee';
import { fileDto } from './returnee.dto';
import { inputErrors } from './returnee-input.rules';
import type { Actor, ConsentFlags, ConsentMethod, Restrictions } from './returnee.types';

/** What registration requires of a file; an update may change any of them (a commune only by transfer). */
export type RequiredFileField =
  | 'fullName'
  | 'dateOfBirth'
  | 'gender'
  | 'nationalId'
  | 'phone'
  | 'address'
  | 'releaseDate'
  | 'releaseKind'
  | 'probationEndsOn'
  | 'sentence'
  | 'offenceCategory';
/** What a file may hold from the start or gain later. */
export type OptionalFileField = 'education' | 'skills' | 'workHistory' | 'needs' | 'preferences' | 'mentor';

/** The registration body (openapi.yaml NewReturnee), already checked against the schema. */
export type NewReturnee = Pick<Returnee, RequiredFileField> &
  Partial<Pick<Returnee, OptionalFileField>> & {
    restrictions?: Partial<Restrictions>;
    consent?: Partial<ConsentFlags> & { version?: string; method?: ConsentMethod; note?: string };
  };

const NO_RESTRICTIONS: Restrictions = { bannedOccupations: [], bannedAreas: [], supervisedCommune: null, noStateAgencyWork: false };

/** Search and duplicate keys: the name without diacritics (NFC or NFD alike), with the birth date. */
export const nameKeyOf = (fullName: string, dateOfBirth: string) => `${foldVietnamese(fullName)}|${dateOfBirth}`;

/** Builds a new file from checked input: consent as stated (anything not stated is "no"), nothing published yet. */
export function newReturnee(ctx: CasesContext, actor: Actor, id: string, input: NewReturnee): Returnee {
  const now = ctx.clock().toISOString();
  const { consent = {}, restrictions = {}, ...fields } = input;
  return {
    ...fields,
    id,
    status: 'active',
    fullName: input.fullName.normalize('NFC').trim().replace(/\s+/g, ' '),
    restrictions: { ...NO_RESTRICTIONS, ...restrictions },
    skills: input.skills ?? [],
    workHistory: input.workHistory ?? [],
    needs: input.needs ?? [],
    certificates: [],
    gradeHistory: [],
    notes: [],
    consent: {
      matching: consent.matching === true,
      shareWithEmployers: consent.shareWithEmployers === true,
      shareWithColleges: consent.shareWithColleges === true,
      shareWithBank: consent.shareWithBank === true,
      discoverable: consent.discoverable === true,
      version: consent.version ?? ctx.settings.consentFormVersion,
      method: consent.method ?? 'in-person',
      ...(consent.note && { note: consent.note }),
      recordedBy: actor.id,
      recordedAt: now,
    },
    consentHistory: [],
    milestones: [],
    transfers: [],
    formerOfficerIds: [],
    profileRevision: 0,
    restrictionsRevision: 0,
    registeredBy: { id: actor.id, ...(actor.orgId && { orgId: actor.orgId }) },
    createdAt: now,
    updatedAt: now,
  };
}

/** Officers register in their own province; codes and dates must be sound (422 naming each field). */
export function checkNewReturnee(ctx: CasesContext, actor: Actor, input: NewReturnee): void {
  const province = provinceScope(actor);
  if (province && input.address.provinceCode !== province) throw errors.otherProvince('address.provinceCode');
  const problems = inputErrors(input, todayInVietnam(ctx.clock()));
  if (problems.length > 0) throw errors.invalid(problems);
}

/** The file with its first profile and restrictions revisions and the registered event, ready to insert. */
export function withRegistrationEvents(r: Returnee, today: string) {
  const profile = republishProfile(r, today);
  const restrictions = republishRestrictions(profile.next);
  const file = restrictions.next;
  return { file, events: [returneeEvents.registered(file), profile.event, restrictions.event] };
}

/**
 * Registers a returnee. The same national ID as another file → 409 pointing at it (also when two
 * registrations race: the unique index decides); the same name and birth date → 201 with `possibleDuplicates`.
 */
export async function registerReturnee(
  ctx: CasesContext,
  actor: Actor,
  key: string | undefined,
  input: NewReturnee,
): Promise<CreateOnceResult<object>> {
  checkNewReturnee(ctx, actor, input);
  const today = todayInVietnam(ctx.clock());
  const result = await createOnce({
    resource: 'returnee',
    scope: actor.id,
    key,
    request: input,
    cache: ctx.idempotencyCache,
    build: async (id) => {
      if (input.nationalId) {
        const existing = await ctx.returnees.findIdByNationalId(input.nationalId);
        // the file this very key created, by an attempt still in flight when this retry looked for its record:
        // the insert below then meets it on _id and replays its answer
        if (existing && existing !== id) throw errors.nationalIdTaken(existing);
      }
      const { file, events } = withRegistrationEvents(newReturnee(ctx, actor, id, input), today);
      const duplicates = await ctx.returnees.findByNameKey(nameKeyOf(file.fullName, file.dateOfBirth));
      const possibleDuplicates = duplicates.map((d) => ({
        id: d.id,
        provinceCode: d.address.provinceCode,
        communeCode: d.address.communeCode,
      }));
      const body = { ...fileDto(file, today), ...(possibleDuplicates.length > 0 && { possibleDuplicates }) };
      return { document: { file, events }, reply: { status: 201, body } };
    },
    insert: (doc) => ctx.returnees.insert(doc.file, doc.events, actor, { idempotency: doc.idempotency }),
    findRecord: (id) => ctx.returnees.idempotencyRecord(id),
  }).catch(async (error: unknown) => {
    if ((error as { code?: number })?.code === 11000 && input.nationalId) {
      const existing = await ctx.returnees.findIdByNationalIdScanning(input.nationalId);
      if (existing) throw errors.nationalIdTaken(existing);
    }
    throw error;
  });
  if (!result.replayed) await audit(ctx, actor, 'returnee.create', { type: 'returnee', id: result.id });
  return result;
}
