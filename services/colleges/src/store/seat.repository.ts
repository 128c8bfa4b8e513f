import type { Connection } from 'mongoose';
import { claimSlot, claimedCount, releaseSlot, slotClaimModel } from '@hoanhap/kit';

/**
 * Seats of cohorts as slot claims (kit): each seat is a slot number only one
 * insert can take, so concurrent enrolments never oversell on FerretDB, whose
 * guarded `$inc` can. A closed seat (seats reduced) is held by a sentinel
 * claimant `closed:<n>`, so a reduction cannot race a concurrent claim either.
 */
export function seatRepository(connection: Connection) {
  const model = slotClaimModel(connection, 'seat_claims');
  const resource = (cohortId: string) => `cohort:${cohortId}`;
  return {
    init: () => model.init(),
    /** Takes a seat among `slotSpace` slots for `claimant`; repeating returns the seat already held. */
    claim: (cohortId: string, claimant: string, slotSpace: number) => claimSlot(model, resource(cohortId), claimant, slotSpace),
    release: (cohortId: string, claimant: string) => releaseSlot(model, resource(cohortId), claimant),
    holds: async (cohortId: string, claimant: string) => (await model.exists({ _id: `${resource(cohortId)}|${claimant}` })) !== null,
    /** Claims held, seats and closed sentinels alike. */
    taken: (cohortId: string) => claimedCount(model, resource(cohortId)),
    /** Claims held per cohort, in one aggregation (FerretDB supports $group with $sum). */
    takenMany: async (cohortIds: string[]) => {
      const rows = await model.aggregate<{ _id: string; n: number }>([
        { $match: { resource: { $in: cohortIds.map(resource) } } },
        { $group: { _id: '$resource', n: { $sum: 1 } } },
      ]);
      const counts = new Map(rows.map((r) => [r._id.slice('cohort:'.length), r.n]));
      return (cohortId: string) => counts.get(cohortId) ?? 0;
    },
  };
}

export type SeatRepository = ReturnType<typeof seatRepository>;
