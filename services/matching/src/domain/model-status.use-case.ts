import type { MatchingContext } from './matching.context';
import { STATE } from './model/returnee-table';

export interface ModelStatus {
  /** Which instance answered: replicas of one service (MATCHING_WORKERS) each hold their own model. */
  instanceId: string;
  returnees: { known: number; withProfile: number; discoverable: number; withRestrictions: number };
  jobs: { known: number; open: number };
  cohorts: { known: number; open: number };
  loanProducts: number;
  eventsApplied: number;
  /** Per `topic:partition`, the next offset to read. */
  offsets: Record<string, string>;
  snapshot: { takenAt: string; events: number } | null;
  restoredFrom: string | null;
  rssBytes: number;
  heapUsedBytes: number;
}

/** Totals for operators and benchmarks (administrators only; no per-person facts). */
export function modelStatus(ctx: MatchingContext): ModelStatus {
  const { returnees: R, jobs: J, cohorts: C } = ctx.model;
  let withProfile = 0;
  let discoverable = 0;
  for (let p = 0; p < R.size; p++) {
    if (R.has(p, STATE.profile)) withProfile += 1;
    if (R.has(p, STATE.discoverable)) discoverable += 1;
  }
  let open = 0;
  for (let j = 0; j < J.size; j++) if (J.isOpen(j)) open += 1;
  let openCohorts = 0;
  for (const set of C.openByProvince.values()) openCohorts += set.size;
  return {
    instanceId: ctx.instanceId,
    returnees: { known: R.size, withProfile, discoverable, withRestrictions: R.restrictions.size },
    jobs: { known: J.size, open },
    cohorts: { known: C.byId.size, open: openCohorts },
    loanProducts: C.products.size,
    eventsApplied: ctx.model.eventsApplied,
    offsets: Object.fromEntries(ctx.model.offsets),
    snapshot: ctx.snapshotInfo?.() ?? null,
    restoredFrom: ctx.restoredFrom ?? null,
    rssBytes: process.memoryUsage.rss(),
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}
