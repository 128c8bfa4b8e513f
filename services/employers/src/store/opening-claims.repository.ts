import { claimedCount, claimSlot, holdsSlot, ignoreDuplicate, releaseSlot, slotClaimModel } from '@hoanhap/kit';
import type { Connection } from 'mongoose';

const resourceOf = (jobId: string) => `job:${jobId}`;
const jobOf = (resource: string) => resource.slice('job:'.length);

/** The applications hired into one job, whose claims are counted; `_id` = the job id. */
interface HireTally {
  _id: string;
  hired: string[];
}

/** Marks the tallies of the jobs hired into before tallies existed as written; no job id is this word. */
const BACKFILLED = 'backfilled';

/**
 * A job's openings as slots that one insert each can take (kit's claimSlot):
 * FerretDB updates are not atomic, so a guarded `$inc` could hire more people
 * than there are openings; unique inserts cannot.
 *
 * The claims are the truth; `job_hire_tallies` keeps, per job, the hired applications whose claims were seen, so
 * that counting them reads by `_id` only (FerretDB 1.x decodes every claim of every job for `{ resource }`). A tally
 * is written only by `countHired`, which runs under the job's own lock, so no two writers race on it.
 */
export function openingClaimsRepository(connection: Connection) {
  const model = slotClaimModel(connection, 'opening_claims');
  const tallies = connection.collection<HireTally>('job_hire_tallies');
  return {
    /** The claims' indexes, and the tallies of jobs hired into before tallies existed (once, by one scan). */
    init: async () => {
      await model.init();
      if (await tallies.findOne({ _id: BACKFILLED })) return;
      const hired = new Map<string, string[]>();
      for await (const claim of model.find({}, { resource: 1, claimant: 1 }).lean().cursor()) {
        const jobId = jobOf(claim.resource);
        hired.set(jobId, [...(hired.get(jobId) ?? []), claim.claimant]);
      }
      const written = [...hired].map(([jobId, ids]) => ({ _id: jobId, hired: ids }));
      // a tally already there was written by a running instance and stays
      if (written.length > 0) await tallies.insertMany(written, { ordered: false }).catch(ignoreDuplicate);
      await tallies.updateOne({ _id: BACKFILLED }, { $set: { hired: [] } }, { upsert: true });
    },
    /** Takes an opening for the application (idempotent per application): `held` when it already had one. */
    claim: async (jobId: string, applicationId: string, openings: number) => {
      const result = await claimSlot(model, resourceOf(jobId), applicationId, openings);
      return result.claimed ? (result.alreadyHeld ? 'held' : 'claimed') : 'full';
    },
    /** Gives the application's opening back (its hire was never written). */
    release: (jobId: string, applicationId: string) => releaseSlot(model, resourceOf(jobId), applicationId),
    /** The claims of the job, counted by a scan of every claim on FerretDB 1.x: for checks, not for requests. */
    count: (jobId: string) => claimedCount(model, resourceOf(jobId)),
    /**
     * The job's hires counted, after the hire of `applicationId` (added when its claim is held; a hire is never
     * undone, so none leaves). Call it under the job's lock: it writes the job's tally.
     */
    countHired: async (jobId: string, applicationId: string): Promise<number> => {
      const tally = await tallies.findOne({ _id: jobId });
      const hired = tally?.hired ?? [];
      if (hired.includes(applicationId) || !(await holdsSlot(model, resourceOf(jobId), applicationId))) return hired.length;
      await tallies.updateOne({ _id: jobId }, { $set: { hired: [...hired, applicationId] } }, { upsert: true });
      return hired.length + 1;
    },
  };
}

export type OpeningClaimsRepository = ReturnType<typeof openingClaimsRepository>;
