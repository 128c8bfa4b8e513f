import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import type { ApplicationPatch } from '../domain/application.types';
import { changeApplicationStatus } from '../domain/change-application-status.use-case';
import type { CheckInInput } from '../domain/check-in.types';
import type { EmployersContext } from '../domain/employers.context';
import { type ApplicationQuery, getApplication, listApplications } from '../domain/read-applications.use-case';
import { recordCheckIn } from '../domain/record-check-in.use-case';
import { callerOf, param, traceOf } from './request-parts';

/** Applications: created only from referrals (events); employers read and move their own. */
export function applicationRoutes(ctx: EmployersContext, verify: Verifier): Router {
  const router = Router();
  router.use('/applications', authenticate(verify));

  router.get('/applications', requireRole('employer', 'officer', 'admin'), async (req, res) => {
    res.json(await listApplications(ctx, callerOf(req), req.query as ApplicationQuery));
  });
  router.get('/applications/:applicationId', requireRole('employer', 'officer', 'admin'), async (req, res) => {
    res.json(await getApplication(ctx, callerOf(req), traceOf(req), param(req, 'applicationId')));
  });
  router.patch('/applications/:applicationId', requireRole('employer'), async (req, res) => {
    const id = param(req, 'applicationId');
    const result = await changeApplicationStatus(ctx, callerOf(req), traceOf(req), idempotencyKeyOf(req), id, req.body as ApplicationPatch);
    sendCreated(res, result);
  });
  router.post('/applications/:applicationId/check-ins', requireRole('employer', 'officer'), async (req, res) => {
    const id = param(req, 'applicationId');
    const result = await recordCheckIn(ctx, callerOf(req), traceOf(req), idempotencyKeyOf(req), id, req.body as CheckInInput);
    sendCreated(res, result);
  });
  return router;
}
