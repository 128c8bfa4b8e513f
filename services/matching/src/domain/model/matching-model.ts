import { Marks } from '../indexes/marks';
import type { Weights } from '../scoring/weights';
import { TopN } from '../top-n';
import { CohortTable } from './cohort-table';
import { JobArrivals } from './job-arrivals';
import { JobTable } from './job-table';
import { ReturneeTable } from './returnee-table';
import { type Reach, Vocabulary } from './vocabulary';

/**
 * The whole read model of one matching instance, in memory, built only from events. `offsets` holds, per
 * `topic:partition`, the next offset to read: the events below it are in the model — what a snapshot
 * records so that a restart resumes exactly where the snapshot ends.
 */
export class MatchingModel {
  readonly vocab: Vocabulary;
  readonly returnees: ReturneeTable;
  readonly jobs: JobTable;
  readonly cohorts: CohortTable;
  readonly offsets = new Map<string, string>();
  /** Requests waiting for a job not applied yet (never in a snapshot). */
  readonly jobArrivals = new JobArrivals();
  /** Scratch space of the searches (one query at a time on the event loop). */
  readonly jobMarks = new Marks();
  readonly personMarks = new Marks();
  readonly heap = new TopN();
  /** Events applied since the process started (for metrics and the replay benchmark). */
  eventsApplied = 0;

  constructor(
    readonly weights: Weights,
    reach: Reach = 'neighbours',
    capacities: { returnees?: number; jobs?: number } = {},
  ) {
    this.vocab = new Vocabulary(reach);
    this.returnees = new ReturneeTable(this.vocab, capacities.returnees ?? 1024);
    this.jobs = new JobTable(this.vocab, weights.job, capacities.jobs ?? 1024);
    this.cohorts = new CohortTable(this.vocab);
  }

  /** Records that the event at `offset` of `topic:partition` is applied. */
  applied(topic: string, partition: number, offset: string): void {
    this.offsets.set(`${topic}:${partition}`, (BigInt(offset) + 1n).toString());
    this.eventsApplied += 1;
  }
}
