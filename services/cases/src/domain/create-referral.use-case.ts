import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { foldVietnamese } from '@hoanhap/reference';
import { referralEvents } from '../events/referral-events';
import { managedOrNotFound } from './access.rules';
import { audit } from './audit-trail';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { referralDto } from './referral.dto';
import { CONSENT_FOR_KIND } from './referral.rules';
import type { Referral, ReferralKind } from './referral.types';
import type { Returnee } from './returnee';
import type { Actor } from './returnee.types';

export interface NewReferral {
  returneeId: string;
  target: { kind: ReferralKind; id: string };
  note?: string;
}

/**
 * The note travels to the receiving organisation: it must not carry the full name, national ID or phone
 * (a slip of the pen would undo everything else this service keeps back).
 */
function noteIdentifies(note: string, r: Returnee): boolean {
  const text = foldVietnamese(note);
  const digits = note.replace(/\D/g, '');
  return (
    text.includes(foldVietnamese(r.fullName)) ||
    (!!r.nationalId && digits.includes(r.nationalId)) ||
    (!!r.phone && digits.includes(r.phone))
  );
}

/** Jobs, cohorts and loan products are known from events; a brand-new one may not have arrived yet. */
async function checkTarget(ctx: CasesContext, target: NewReferral['target']): Promise<void> {
  if (!ctx.settings.referralTargetCheck) return;
  const known = await ctx.targets.find(target.kind, target.id);
  if (!known) throw errors.targetNotYetKnown(target.kind, target.id, ctx.settings.retryAfterSec);
  if (!known.open) throw errors.targetClosed(target.kind, target.id);
}

/**
 * Refers a returnee of the officer's province to a job, course cohort or loan. The consent for that kind of
 * recipient is checked while the file is locked, so a revocation cannot slip between check and referral.
 */
export async function createReferral(
  ctx: CasesContext,
  actor: Actor,
  key: string | undefined,
  input: NewReferral,
): Promise<CreateOnceResult<object>> {
  const result = await ctx.returnees.withLock(input.returneeId, actor, (found) =>
    createOnce({
      resource: 'referral',
      scope: actor.id,
      key,
      request: input,
      cache: ctx.idempotencyCache,
      build: async (id) => {
        // after the key's lookup: a retry of a referral made while the job was open gets its first answer
        await checkTarget(ctx, input.target);
        const returnee = managedOrNotFound(actor, found, input.returneeId);
        if (returnee.status !== 'active') throw errors.notActive(returnee.id, returnee.status);
        if (input.note && noteIdentifies(input.note, returnee)) throw errors.noteIdentifies();
        const purpose = CONSENT_FOR_KIND[input.target.kind];
        if (!returnee.consent[purpose]) throw errors.consentMissing(purpose);
        const now = ctx.clock().toISOString();
        const referral: Referral = {
          id,
          returneeId: returnee.id,
          target: { kind: input.target.kind, id: input.target.id },
          ...(input.note && { note: input.note }),
          status: 'sent',
          officerId: actor.id,
          ...(actor.orgId && { officerOrgId: actor.orgId }),
          provinceCode: returnee.address.provinceCode,
          communeCode: returnee.address.communeCode,
          createdAt: now,
          changedAt: now,
          unreadAnswer: false,
          history: [{ status: 'sent', at: now }],
        };
        return { document: referral, reply: { status: 201, body: referralDto(referral, ctx) } };
      },
      insert: (doc) =>
        ctx.referrals.insert(doc, [referralEvents.created(doc), referralEvents.statusChanged(doc, doc.createdAt)], actor, doc.idempotency),
      findRecord: (id) => ctx.referrals.idempotencyRecord(id),
    }),
  );
  if (!result.replayed)
    await audit(ctx, actor, 'referral.create', { type: 'referral', id: result.id }, 'referral', { returneeId: input.returneeId });
  return result;
}
