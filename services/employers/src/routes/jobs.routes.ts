import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import type { EmployersContext } from '../domain/employers.context';
import type { JobInput, JobPatch } from '../domain/job.types';
import { getJob, type JobQuery, listJobs } from '../domain/list-jobs.use-case';
import { postJob } from '../domain/post-job.use-case';
import { type ApplicationQuery, listJobApplications } from '../domain/read-applications.use-case';
import { updateJob } from '../domain/update-job.use-case';
import { callerOf, param, traceOf } from './request-parts';

/** Jobs: employers post and edit their own; officers and admins read them. */
export function jobRoutes(ctx: EmployersContext, verify: Verifier): Router {
  const router = Router();
  router.use('/jobs', authenticate(verify));

  router.post('/jobs', requireRole('employer'), async (req, res) => {
    const result = await postJob(ctx, callerOf(req), traceOf(req), idempotencyKeyOf(req), req.body as JobInput);
    res.setHeader('Location', `/jobs/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/jobs', requireRole('officer', 'employer', 'admin'), async (req, res) => {
    res.json(await listJobs(ctx, callerOf(req), req.query as JobQuery));
  });
  router.get('/jobs/:jobId', requireRole('officer', 'employer', 'admin'), async (req, res) => {
    res.json(await getJob(ctx, callerOf(req), param(req, 'jobId')));
  });
  router.patch('/jobs/:jobId', requireRole('employer'), async (req, res) => {
    res.json(await updateJob(ctx, callerOf(req), traceOf(req), param(req, 'jobId'), req.body as JobPatch));
  });
  router.get('/jobs/:jobId/applications', requireRole('employer', 'officer', 'admin'), async (req, res) => {
    res.json(await listJobApplications(ctx, callerOf(req), param(req, 'jobId'), req.query as ApplicationQuery));
  });
  return router;
}
