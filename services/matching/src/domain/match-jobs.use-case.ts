import { returneeFor } from './access.rules';
import { clampLimit, clockOf, type Caller, type MatchingContext } from './matching.context';
import { matchingErrors } from './matching.errors';
import * as jobTable from './model/job-table';
import * as jobReasonsOf from './reasons/job-reasons';
import type { MatchingModel } from './model/matching-model';
import type { Reason } from './reasons/format';
import * as points from './scoring/points';
import { jobSearch, naiveJobSearch } from './search/job-search';

// bound once: tsx compiles imported bindings to getters, read here for every item of every answer
const { JOB } = jobTable;
const { jobReasons } = jobReasonsOf;
const { shown } = points;

export interface JobMatch {
  jobId: string;
  title: string;
  occupationCode: string;
  employerOrgId: string;
  provinceCode: string;
  communeCode: string;
  employmentType: 'stable' | 'seasonal';
  wageMinVnd: number;
  wageMaxVnd: number;
  accommodation: boolean;
  score: number;
  reasons: Reason[];
}

/** One job of a returnee's top N: its slot, its score (centi-points) and the reasons for it. */
export interface RankedJob {
  slot: number;
  score: number;
  reasons: Reason[];
}

/** Top-N open jobs for a returnee, each with its score and reasons; nothing a restriction forbids. */
export function matchJobs(ctx: MatchingContext, caller: Caller, returneeId: string, query: { limit?: number; strategy?: 'index' | 'scan' }): { returneeId: string; items: JobMatch[]; nextCursor: null } {
  const { ranked } = rankJobs(ctx, caller, returneeId, query);
  const items = ranked.map(({ slot, score, reasons }) => ({ ...jobFields(ctx.model, slot), score: shown(score), reasons }));
  return { returneeId, items, nextCursor: null };
}

/** `matchJobs` before its items are written out: the slots (a writer that keeps each job's text reads them). */
export function rankJobs(ctx: MatchingContext, caller: Caller, returneeId: string, query: { limit?: number; strategy?: 'index' | 'scan' }): { returneeId: string; ranked: RankedJob[] } {
  const p = returneeFor(ctx, caller, returneeId);
  if (query.strategy === 'scan' && !ctx.allowScan) throw matchingErrors.scanDisabled();
  const { nowMs, today } = clockOf(ctx);
  const m = ctx.model;
  const search = query.strategy === 'scan' ? naiveJobSearch : jobSearch;
  const ranked = search(m, p, clampLimit(ctx, query.limit), nowMs, today).map(({ score, slot }) => ({ slot, score, reasons: jobReasons(m, p, slot, today, 'officer') }));
  return { returneeId, ranked };
}

/** What a match says of the job itself, in the answer's key order (score and reasons follow). */
export function jobFields(m: MatchingModel, j: number): Omit<JobMatch, 'score' | 'reasons'> {
  const { jobs: J, vocab: v } = m;
  return {
    jobId: J.ids[j]!,
    title: J.titles[j]!,
    occupationCode: v.occupations.names[J.occupation[j]!] ?? '',
    employerOrgId: v.orgs.names[J.org[j]!]!,
    provinceCode: v.provinces.names[J.province[j]!] ?? '',
    communeCode: v.communes.names[J.commune[j]!] ?? '',
    employmentType: (J.state[j]! & JOB.stable) !== 0 ? 'stable' : 'seasonal',
    wageMinVnd: J.wageMin[j]!,
    wageMaxVnd: J.wageMax[j]!,
    accommodation: (J.state[j]! & JOB.accommodation) !== 0,
  };
}
