import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import { getDashboard } from '../domain/dashboard.use-case';
import type { EmployersContext } from '../domain/employers.context';
import type { InvitationInput } from '../domain/invitation.types';
import { listInvitations } from '../domain/list-invitations.use-case';
import { requestInvitation } from '../domain/request-invitation.use-case';
import { callerOf, traceOf } from './request-parts';

/** Invitations (an employer asks an officer to refer a proposed candidate) and the employer's dashboard. */
export function invitationRoutes(ctx: EmployersContext, verify: Verifier): Router {
  const router = Router();
  router.use(['/invitations', '/dashboard'], authenticate(verify));

  router.post('/invitations', requireRole('employer'), async (req, res) => {
    sendCreated(res, await requestInvitation(ctx, callerOf(req), traceOf(req), idempotencyKeyOf(req), req.body as InvitationInput));
  });
  router.get('/invitations', requireRole('employer', 'officer', 'admin'), async (req, res) => {
    res.json(await listInvitations(ctx, callerOf(req), req.query as { jobId?: string; limit?: number; cursor?: string }));
  });
  router.get('/dashboard', requireRole('employer'), async (req, res) => {
    res.json(await getDashboard(ctx, callerOf(req)));
  });
  return router;
}
