import { claimedCount, claimSlot, openTally, releaseSlot, slotClaimModel, type IndexRedis, type SlotTally } from '@hoanhap/kit';
import type { Connection } from 'mongoose';

const resourceOf = (jobId: string) => `job:${jobId}`;

/**
 * A job's openings as slots that one insert each can take (kit's claimSlot):
 * FerretDB updates are not atomic, so a guarded `$inc` could hire more people
 * than there are openings; unique inserts cannot.
 *
 * The claims are counted through kit's tally in Redis (who may hold an opening, each checked by `_id`), as
 * colleges counts seats: counting them by `{ resource }` decodes every claim of every job on FerretDB 1.x.
 */
export function openingClaimsRepository(connection: Connection, redis: IndexRedis, redisPrefix: string) {
  const model = slotClaimModel(connection, 'opening_claims');
  const tally: SlotTally = { redis, prefix: redisPrefix };
  return {
    init: () => model.init(),
    /** Before a new job is stored: no opening is taken, so its count never needs the scan that rebuilds a tally. */
    open: (jobId: string) => openTally(tally, resourceOf(jobId)),
    /** Takes an opening for the application (idempotent per application): `held` when it already had one. */
    claim: async (jobId: string, applicationId: string, openings: number) => {
      const result = await claimSlot(model, resourceOf(jobId), applicationId, openings, tally);
      return result.claimed ? (result.alreadyHeld ? 'held' : 'claimed') : 'full';
    },
    /** Gives the application's opening back (its hire was never written). */
    release: (jobId: string, applicationId: string) => releaseSlot(model, resourceOf(jobId), applicationId, tally),
    count: (jobId: string) => claimedCount(model, resourceOf(jobId), tally),
  };
}

export type OpeningClaimsRepository = ReturnType<typeof openingClaimsRepository>;
