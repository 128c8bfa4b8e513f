import { Router } from 'express';
import { authenticate, authOf, requireRole, type Role, type Verifier } from '@hoanhap/auth';
import type { MatchingContext } from '../domain/matching.context';
import { matchCandidates } from '../domain/match-candidates.use-case';
import { modelStatus } from '../domain/model-status.use-case';
import type { MatchTimings } from './match-timings';

/** Who may ask a job's candidates (openapi.yaml x-roles); the hot route lets through the same. */
export const CANDIDATE_ROLES: Role[] = ['employer', 'officer', 'admin'];

/** Candidates for a job (its employer, officers, administrators) and the read model's status (administrators). */
export function jobCandidateRoutes(ctx: MatchingContext, verify: Verifier, timings: MatchTimings): Router {
  const router = Router();
  router.get('/jobs/:id/candidates', authenticate(verify), requireRole(...CANDIDATE_ROLES), async (req, res) => {
    const query = req.query as { limit?: number; strategy?: 'index' | 'scan'; waitMs?: number };
    // a job just posted may still be on its way: wait for its event rather than answer 409 at once
    if (query.waitMs && ctx.model.jobs.slotOf(req.params.id as string) < 0) await ctx.model.jobArrivals.wait(req.params.id as string, query.waitMs);
    res.json(timings.time(query.strategy === 'scan' ? 'candidates-scan' : 'candidates', res, () => matchCandidates(ctx, authOf(req), req.params.id as string, query)));
  });
  router.get('/status', authenticate(verify), requireRole('admin'), (_req, res) => {
    res.json({ ...modelStatus(ctx), matchTimings: timings.summary() });
  });
  return router;
}
