import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import type { EmployersContext } from '../domain/employers.context';
import { getOrganisation, listOrganisations } from '../domain/list-organisations.use-case';
import type { OrganisationFilter, OrganisationProfile } from '../domain/organisation.types';
import { acceptPledge, getMyOrganisation, saveMyOrganisation } from '../domain/save-organisation.use-case';
import { verifyOrganisation } from '../domain/verify-organisation.use-case';
import { callerOf, param, traceOf } from './request-parts';

/** Employer profiles: the employer's own (`/organisations/me`), and officers' view and verification. */
export function organisationRoutes(ctx: EmployersContext, verify: Verifier): Router {
  const router = Router();
  router.use('/organisations', authenticate(verify));

  router.get('/organisations/me', requireRole('employer'), async (req, res) => {
    res.json(await getMyOrganisation(ctx, callerOf(req)));
  });
  router.put('/organisations/me', requireRole('employer'), async (req, res) => {
    res.json(await saveMyOrganisation(ctx, callerOf(req), traceOf(req), req.body as OrganisationProfile));
  });
  router.put('/organisations/me/pledge', requireRole('employer'), async (req, res) => {
    res.json(await acceptPledge(ctx, callerOf(req), req.body as { acceptedByName: string; acceptedByTitle?: string }));
  });
  router.get('/organisations', requireRole('officer', 'admin'), async (req, res) => {
    res.json(await listOrganisations(ctx, req.query as OrganisationFilter & { limit?: number; cursor?: string }));
  });
  router.get('/organisations/:orgId', requireRole('officer', 'admin', 'employer'), async (req, res) => {
    res.json(await getOrganisation(ctx, callerOf(req), param(req, 'orgId')));
  });
  router.put('/organisations/:orgId/verification', requireRole('officer', 'admin'), async (req, res) => {
    const input = req.body as { decision: 'verified' | 'rejected'; note?: string };
    res.json(await verifyOrganisation(ctx, callerOf(req), traceOf(req), param(req, 'orgId'), input));
  });
  return router;
}
