import type { Connection } from 'mongoose';
import { claimSlot, claimedCount, openTally, releaseSlot, slotClaimModel, type IndexRedis, type SlotTally } from '@hoanhap/kit';

/**
 * Seats of cohorts as slot claims (kit): each seat is a slot number only one
 * insert can take, so concurrent enrolments never oversell on FerretDB, whose
 * guarded `$inc` can. A closed seat (seats reduced) is held by a sentinel
 * claimant `closed:<n>`, so a reduction cannot race a concurrent claim either.
 *
 * Seats taken are counted through kit's tally in Redis (who may hold a seat, each checked by `_id`): counting
 * the claims by `{ resource }` decodes every seat claim of every cohort on FerretDB 1.x, and every settle of
 * a cohort counts.
 */
export function seatRepository(connection: Connection, redis: IndexRedis, redisPrefix: string) {
  const model = slotClaimModel(connection, 'seat_claims');
  const tally: SlotTally = { redis, prefix: redisPrefix };
  const resource = (cohortId: string) => `cohort:${cohortId}`;
  const taken = (cohortId: string) => claimedCount(model, resource(cohortId), tally);
  return {
    init: () => model.init(),
    /** Before a new cohort is stored: no seat is taken, so its count never needs the scan that rebuilds a tally. */
    open: (cohortId: string) => openTally(tally, resource(cohortId)),
    /** Takes a seat among `slotSpace` slots for `claimant`; repeating returns the seat already held. */
    claim: (cohortId: string, claimant: string, slotSpace: number) => claimSlot(model, resource(cohortId), claimant, slotSpace, tally),
    release: (cohortId: string, claimant: string) => releaseSlot(model, resource(cohortId), claimant, tally),
    /** Claims held, seats and closed sentinels alike. */
    taken,
    /** Claims held per cohort (a page of them), counted at once. */
    takenMany: async (cohortIds: string[]) => {
      const counts = new Map(await Promise.all(cohortIds.map(async (id) => [id, await taken(id)] as const)));
      return (cohortId: string) => counts.get(cohortId) ?? 0;
    },
  };
}

export type SeatRepository = ReturnType<typeof seatRepository>;
