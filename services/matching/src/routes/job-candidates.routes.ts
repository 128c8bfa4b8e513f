import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import type { MatchingContext } from '../domain/matching.context';
import { matchCandidates } from '../domain/match-candidates.use-case';
import { modelStatus } from '../domain/model-status.use-case';

/** Candidates for a job (its employer, officers, administrators) and the read model's status (administrators). */
export function jobCandidateRoutes(ctx: MatchingContext, verify: Verifier): Router {
  const router = Router();
  router.get('/jobs/:id/candidates', authenticate(verify), requireRole('employer', 'officer', 'admin'), (req, res) => {
    res.json(matchCandidates(ctx, authOf(req), req.params.id as string, req.query as { limit?: number; strategy?: 'index' | 'scan' }));
  });
  router.get('/status', authenticate(verify), requireRole('admin'), (_req, res) => {
    res.json(modelStatus(ctx));
  });
  return router;
}
