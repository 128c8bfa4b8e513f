import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import type { MatchingContext } from '../domain/matching.context';
import { matchCandidates } from '../domain/match-candidates.use-case';
import { modelStatus } from '../domain/model-status.use-case';
import type { MatchTimings } from './match-timings';

/** Candidates for a job (its employer, officers, administrators) and the read model's status (administrators). */
export function jobCandidateRoutes(ctx: MatchingContext, verify: Verifier, timings: MatchTimings): Router {
  const router = Router();
  router.get('/jobs/:id/candidates', authenticate(verify), requireRole('employer', 'officer', 'admin'), (req, res) => {
    const query = req.query as { limit?: number; strategy?: 'index' | 'scan' };
    res.json(timings.time(query.strategy === 'scan' ? 'candidates-scan' : 'candidates', res, () => matchCandidates(ctx, authOf(req), req.params.id as string, query)));
  });
  router.get('/status', authenticate(verify), requireRole('admin'), (_req, res) => {
    res.json({ ...modelStatus(ctx), matchTimings: timings.summary() });
  });
  return router;
}
