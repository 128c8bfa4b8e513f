import { claimedCount, claimSlot, releaseSlot, slotClaimModel } from '@hoanhap/kit';
import type { Connection } from 'mongoose';

const resourceOf = (jobId: string) => `job:${jobId}`;

/**
 * A job's openings as slots that one insert each can take (kit's claimSlot):
 * FerretDB updates are not atomic, so a guarded `$inc` could hire more people
 * than there are openings; unique inserts cannot.
 */
export function openingClaimsRepository(connection: Connection) {
  const model = slotClaimModel(connection, 'opening_claims');
  return {
    init: () => model.init(),
    /** Takes an opening for the application (idempotent per application): `held` when it already had one. */
    claim: async (jobId: string, applicationId: string, openings: number) => {
      const result = await claimSlot(model, resourceOf(jobId), applicationId, openings);
      return result.claimed ? (result.alreadyHeld ? 'held' : 'claimed') : 'full';
    },
    /** Gives the application's opening back (its hire was never written). */
    release: (jobId: string, applicationId: string) => releaseSlot(model, resourceOf(jobId), applicationId),
    count: (jobId: string) => claimedCount(model, resourceOf(jobId)),
  };
}

export type OpeningClaimsRepository = ReturnType<typeof openingClaimsRepository>;
