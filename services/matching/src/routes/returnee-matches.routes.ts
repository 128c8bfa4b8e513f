import { Router } from 'express';
import { authenticate, authOf, requireRole, type Role, type Verifier } from '@hoanhap/auth';
import type { MatchingContext } from '../domain/matching.context';
import { matchCourses } from '../domain/match-courses.use-case';
import { matchCredit } from '../domain/match-credit.use-case';
import { matchJobs } from '../domain/match-jobs.use-case';
import type { MatchTimings } from './match-timings';

export type MatchQuery = { limit?: number; strategy?: 'index' | 'scan' };

/** Who may ask a returnee's matches (openapi.yaml x-roles); the hot route lets through the same. */
export const RETURNEE_MATCH_ROLES: Role[] = ['officer', 'admin', 'returnee'];

/** Jobs, courses and credit for one returnee: their officer (same province), administrators, the returnee. */
export function returneeMatchRoutes(ctx: MatchingContext, verify: Verifier, timings: MatchTimings): Router {
  const router = Router();
  const allowed = [authenticate(verify), requireRole(...RETURNEE_MATCH_ROLES)];

  router.get('/returnees/:id/jobs', ...allowed, (req, res) => {
    const query = req.query as MatchQuery;
    res.json(timings.time(query.strategy === 'scan' ? 'jobs-scan' : 'jobs', res, () => matchJobs(ctx, authOf(req), req.params.id as string, query)));
  });
  router.get('/returnees/:id/courses', ...allowed, (req, res) => {
    res.json(timings.time('courses', res, () => matchCourses(ctx, authOf(req), req.params.id as string, req.query as MatchQuery)));
  });
  router.get('/returnees/:id/credit', ...allowed, (req, res) => {
    res.json(timings.time('credit', res, () => matchCredit(ctx, authOf(req), req.params.id as string, req.query as MatchQuery)));
  });
  return router;
}
