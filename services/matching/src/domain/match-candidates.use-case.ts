import { jobFor } from './access.rules';
import { clampLimit, clockOf, type Caller, type MatchingContext } from './matching.context';
import { matchingErrors } from './matching.errors';
import * as returneeTable from './model/returnee-table';
import * as jobReasonsOf from './reasons/job-reasons';
import type { Reason } from './reasons/format';
import * as points from './scoring/points';
import { candidateSearch, naiveCandidateSearch } from './search/candidate-search';

// bound once: tsx compiles imported bindings to getters, read here for every item of every answer
const { STATE } = returneeTable;
const { jobReasons } = jobReasonsOf;
const { shown } = points;

export interface CandidateMatch {
  /** Pseudonymous: the opaque id cases uses. */
  returneeId: string;
  /** Only when the person shares it with employers. */
  givenName?: string;
  score: number;
  reasons: Reason[];
}

/**
 * Discoverable returnees ranked for one job. The employer sees only the returneeId, the given name when
 * shared, the score and reasons built from what the person shares with employers; never a restriction.
 */
export function matchCandidates(ctx: MatchingContext, caller: Caller, jobId: string, query: { limit?: number; strategy?: 'index' | 'scan' }): { jobId: string; items: CandidateMatch[]; nextCursor: null } {
  const { slot: j, onlyProvince } = jobFor(ctx, caller, jobId);
  if (query.strategy === 'scan' && !ctx.allowScan) throw matchingErrors.scanDisabled();
  const { nowMs, today } = clockOf(ctx);
  const m = ctx.model;
  const search = query.strategy === 'scan' ? naiveCandidateSearch : candidateSearch;
  const ranked = search(m, j, clampLimit(ctx, query.limit), nowMs, today, onlyProvince);
  const audience = caller.role === 'employer' ? 'employer' : 'officer';
  const R = m.returnees;
  const items = ranked.map(({ score, slot: p }) => ({
    returneeId: R.ids[p]!,
    ...(R.has(p, STATE.named) && R.givenNames[p] ? { givenName: R.givenNames[p] } : {}),
    score: shown(score),
    reasons: jobReasons(m, p, j, today, audience),
  }));
  return { jobId, items, nextCursor: null };
}
