import { republishProfile } from '../events/returnee-events';
import type { CasesContext } from './cases.context';
import { declineIfNotInvitable } from './decide-invitation.use-case';
import { KIND_FOR_CONSENT } from './referral.rules';
import type { ReferralKind } from './referral.types';
import { changeReturnee } from './returnee-change';
import { CONSENT_PURPOSES, type Actor, type ConsentFlags, type ConsentMethod, type ConsentRecord } from './returnee.types';
import { withdraw } from './withdraw-referral.use-case';

export type ConsentChange = ConsentFlags & { version: string; method: ConsentMethod; note?: string };

/**
 * Law 91/2025 and Decree 356/2025: consent is explicit and per purpose, recorded with its form version, time,
 * who recorded it and how; the history is kept. Every change publishes a new profile revision (a section
 * disappears with its consent). Revoking a shareWith* consent withdraws the open referrals to that kind of
 * recipient (reason `consent-revoked`) while the file is locked, so no referral slips in between; pending
 * employer invitations of a returnee no longer discoverable or sharing with employers are declined.
 */
export async function recordConsent(ctx: CasesContext, actor: Actor, id: string, change: ConsentChange) {
  const withdrawnIds: string[] = [];
  const { file, result: revoked } = await changeReturnee<ReferralKind[]>(
    ctx,
    actor,
    id,
    'returnee.consent',
    async (current, today, now) => {
      const record: ConsentRecord = {
        ...(Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, change[p]])) as ConsentFlags),
        version: change.version,
        method: change.method,
        ...(change.note && { note: change.note }),
        recordedBy: actor.id,
        recordedAt: now,
      };
      const revokedKinds = CONSENT_PURPOSES.filter((p) => current.consent[p] && !record[p])
        .map((p) => KIND_FOR_CONSENT[p])
        .filter((k): k is ReferralKind => k !== undefined);
      // while this file is locked: no referral can be created between the withdrawal and the new consent
      for (const kind of revokedKinds) {
        for (const referral of await ctx.referrals.openOf(id, kind)) {
          const done = await withdraw(ctx, actor, referral.id, 'consent-revoked');
          if (done) withdrawnIds.push(done.id);
        }
      }
      const profile = republishProfile(
        { ...current, consent: record, consentHistory: [...current.consentHistory, current.consent] },
        today,
      );
      return { file: profile.next, events: [profile.event], result: revokedKinds };
    },
  );
  // after the file's lock: an approval holds the invitation's lock while it takes the file's
  const declinedInvitations = await declineIfNotInvitable(ctx, actor, id);
  return {
    consent: file.consent,
    history: file.consentHistory,
    profileRevision: file.profileRevision,
    revoked: revoked ?? [],
    withdrawnReferrals: withdrawnIds,
    declinedInvitations,
  };
}
