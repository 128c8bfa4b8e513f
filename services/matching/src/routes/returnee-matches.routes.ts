import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import type { MatchingContext } from '../domain/matching.context';
import { matchCourses } from '../domain/match-courses.use-case';
import { matchCredit } from '../domain/match-credit.use-case';
import { matchJobs } from '../domain/match-jobs.use-case';

type MatchQuery = { limit?: number; strategy?: 'index' | 'scan' };

/** Jobs, courses and credit for one returnee: their officer (same province), administrators, the returnee. */
export function returneeMatchRoutes(ctx: MatchingContext, verify: Verifier): Router {
  const router = Router();
  const allowed = [authenticate(verify), requireRole('officer', 'admin', 'returnee')];

  router.get('/returnees/:id/jobs', ...allowed, (req, res) => {
    res.json(matchJobs(ctx, authOf(req), req.params.id as string, req.query as MatchQuery));
  });
  router.get('/returnees/:id/courses', ...allowed, (req, res) => {
    res.json(matchCourses(ctx, authOf(req), req.params.id as string, req.query as MatchQuery));
  });
  router.get('/returnees/:id/credit', ...allowed, (req, res) => {
    res.json(matchCredit(ctx, authOf(req), req.params.id as string, req.query as MatchQuery));
  });
  return router;
}
