import { bearerToken, type AuthClaims, type Role, type Verifier } from '@hoanhap/auth';
import { JsonBytes, PASS, type HotRequest, type HotRoute } from '@hoanhap/kit';
import type { MatchingContext } from '../domain/matching.context';
import { matchCandidates } from '../domain/match-candidates.use-case';
import { rankJobs } from '../domain/match-jobs.use-case';
import { CANDIDATE_ROLES } from './job-candidates.routes';
import { candidatesJson, jobMatchesJson } from './answer-json';
import type { MatchTimings } from './match-timings';
import { RETURNEE_MATCH_ROLES, type MatchQuery } from './returnee-matches.routes';

// Forms strictly inside what openapi.yaml accepts: whatever else a client sends goes to the validating stack.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;
const LIMIT = /^[1-9][0-9]{0,5}$/;
const WAIT_MS = /^(?:0|[1-9][0-9]{0,3})$/;

/**
 * The two reads the benchmark and the screens live on — top jobs for a returnee, candidates for a job — as
 * kit hot routes: the same verification, roles and use cases as returnee-matches.routes.ts and
 * job-candidates.routes.ts, for the exact forms they are asked in; anything else passes to those routes.
 */
export function hotMatchRoutes(ctx: MatchingContext, verify: Verifier, timings: MatchTimings): HotRoute[] {
  return [
    {
      path: /^\/returnees\/([^/]+)\/jobs$/,
      template: '/returnees/:id/jobs',
      answer: async ([id], query, req, res) => {
        const q = UUID.test(id!) ? matchQuery(query, []) : undefined;
        const caller = q && (await callerIn(req, verify, RETURNEE_MATCH_ROLES));
        if (!q || !caller) return PASS;
        return new JsonBytes(
          jobMatchesJson(
            ctx.model,
            timings.time(q.strategy === 'scan' ? 'jobs-scan' : 'jobs', res, () => rankJobs(ctx, caller, id!, q)),
          ),
        );
      },
    },
    {
      path: /^\/jobs\/([^/]+)\/candidates$/,
      template: '/jobs/:id/candidates',
      answer: async ([id], query, req, res) => {
        // a job not known yet is waited for by the full route (?waitMs) or refused by it (409)
        const q = JOB_ID.test(id!) && ctx.model.jobs.slotOf(id!) >= 0 ? matchQuery(query, ['waitMs']) : undefined;
        const caller = q && (await callerIn(req, verify, CANDIDATE_ROLES));
        if (!q || !caller) return PASS;
        return new JsonBytes(
          candidatesJson(
            timings.time(q.strategy === 'scan' ? 'candidates-scan' : 'candidates', res, () => matchCandidates(ctx, caller, id!, q)),
          ),
        );
      },
    },
  ];
}

/** `limit` and `strategy` (and the route's extra keys), each at most once and in a plain form; else undefined. */
function matchQuery(query: URLSearchParams, extra: readonly string[]): MatchQuery | undefined {
  const q: MatchQuery = {};
  const seen = new Set<string>();
  for (const [key, value] of query) {
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (key === 'limit' && LIMIT.test(value)) q.limit = Number(value);
    else if (key === 'strategy' && (value === 'index' || value === 'scan')) q.strategy = value;
    else if (!(key === 'waitMs' && extra.includes(key) && WAIT_MS.test(value) && Number(value) <= 5000)) return undefined;
  }
  return q;
}

/** The verified caller when their role may call the route; undefined (the full route answers 401/403) otherwise. */
async function callerIn(req: HotRequest, verify: Verifier, roles: readonly Role[]): Promise<AuthClaims | undefined> {
  const token = bearerToken(req.headers.authorization);
  if (!token) return undefined;
  const caller = await verify(token).catch(() => undefined);
  return caller && roles.includes(caller.role) ? caller : undefined;
}
