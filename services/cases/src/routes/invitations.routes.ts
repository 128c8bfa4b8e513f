import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import type { CasesContext } from '../domain/cases.context';
import { approveInvitation, declineInvitation, type Approval, type Decline } from '../domain/decide-invitation.use-case';
import { getInvitation, listInvitations, type InvitationQuery } from '../domain/list-invitations.use-case';
import { actorOf, idParam } from './actor';

/** Employers' invitations waiting for the returnee's officer: officers answer, admins read. */
export function invitationRoutes(ctx: CasesContext, verify: Verifier): Router {
  const router = Router();
  const staff = [authenticate(verify), requireRole('officer', 'admin')];
  const officer = [authenticate(verify), requireRole('officer')];

  router.get('/invitations', ...staff, async (req, res) => {
    res.json(await listInvitations(ctx, actorOf(req), req.query as InvitationQuery));
  });
  router.get('/invitations/:id', ...staff, async (req, res) => {
    res.json(await getInvitation(ctx, actorOf(req), idParam(req)));
  });
  router.post('/invitations/:id/approve', ...officer, async (req, res) => {
    res.json(await approveInvitation(ctx, actorOf(req), idParam(req), (req.body ?? {}) as Approval));
  });
  router.post('/invitations/:id/decline', ...officer, async (req, res) => {
    res.json(await declineInvitation(ctx, actorOf(req), idParam(req), req.body as Decline));
  });
  return router;
}
