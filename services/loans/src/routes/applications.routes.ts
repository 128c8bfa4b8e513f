import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import { createApplication, type NewApplication } from '../domain/create-application.use-case';
import { getApplication } from '../domain/get-application.use-case';
import { type ApplicationQuery, listApplications } from '../domain/list-applications.use-case';
import type { LoansContext } from '../domain/loans.context';
import { submitApplication } from '../domain/submit-application.use-case';
import { type ApplicationChanges, updateApplication } from '../domain/update-application.use-case';
import { withdrawApplication } from '../domain/withdraw-application.use-case';
import { callerOf, param } from './caller-of';

/** Intake: officers for returnees, employers for their business; everyone with access reads. */
export function applicationRoutes(ctx: LoansContext, verify: Verifier): Router {
  const router = Router();
  const auth = authenticate(verify);
  const applicant = [auth, requireRole('officer', 'employer')];

  router.post('/applications', ...applicant, async (req, res) => {
    const result = await createApplication(ctx, callerOf(req), idempotencyKeyOf(req), req.body as NewApplication);
    res.setHeader('Location', `/applications/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/applications', auth, requireRole('officer', 'employer', 'bank', 'admin'), async (req, res) => {
    res.json(await listApplications(ctx, callerOf(req), req.query as ApplicationQuery));
  });
  router.get('/applications/:id', auth, requireRole('officer', 'employer', 'bank', 'admin'), async (req, res) => {
    res.json(await getApplication(ctx, callerOf(req), param(req, 'id')));
  });
  router.patch('/applications/:id', ...applicant, async (req, res) => {
    res.json(await updateApplication(ctx, callerOf(req), param(req, 'id'), req.body as ApplicationChanges));
  });
  router.post('/applications/:id/submit', ...applicant, async (req, res) => {
    res.json(await submitApplication(ctx, callerOf(req), param(req, 'id')));
  });
  router.post('/applications/:id/withdraw', ...applicant, async (req, res) => {
    res.json(await withdrawApplication(ctx, callerOf(req), param(req, 'id'), (req.body as { reason?: string } | undefined)?.reason));
  });
  return router;
}
