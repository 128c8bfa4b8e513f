import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import type { IdentityContext } from '../domain/identity.context';
import { organisationDto, pageDto } from '../domain/identity.dto';
import { listOrganisations, type OrganisationQuery } from '../domain/list-organisations.use-case';
import { type NewOrganisation, registerOrganisation } from '../domain/register-organisation.use-case';

/** Admin-only organisation management (the gateway serves it under /api/identity). */
export function organisationRoutes(ctx: IdentityContext, verify: Verifier): Router {
  const router = Router();
  const admin = [authenticate(verify), requireRole('admin')];

  router.post('/organisations', ...admin, async (req, res) => {
    const result = await registerOrganisation(ctx, { userId: authOf(req).sub }, idempotencyKeyOf(req), req.body as NewOrganisation);
    res.setHeader('Location', `/organisations/${result.id}`);
    sendCreated(res, result);
  });

  router.get('/organisations', ...admin, async (req, res) => {
    res.json(pageDto(await listOrganisations(ctx, req.query as OrganisationQuery), organisationDto));
  });
  return router;
}
