import { Router } from 'express';
import type { Verifier } from '@hoanhap/auth';
import { addRoster } from '../domain/add-roster.use-case';
import type { CatalogueQuery } from '../domain/catalogue.use-case';
import { listCatalogue } from '../domain/catalogue.use-case';
import type { CollegesContext } from '../domain/colleges.context';
import { getCohort } from '../domain/manage-cohorts.use-case';
import { type CohortChanges, updateCohort } from '../domain/update-cohort.use-case';
import { allow, callerOf, causeOf, idOf } from './http';

export function cohortRoutes(ctx: CollegesContext, verify: Verifier): Router {
  const router = Router();
  router.get('/cohorts/:id', ...allow(verify, 'college', 'officer', 'admin'), async (req, res) => {
    res.json(await getCohort(ctx, idOf(req)));
  });
  router.patch('/cohorts/:id', ...allow(verify, 'college'), async (req, res) => {
    await updateCohort(ctx, callerOf(req), idOf(req), req.body as CohortChanges, causeOf(req));
    res.json(await getCohort(ctx, idOf(req)));
  });
  router.post('/cohorts/:id/roster', ...allow(verify, 'officer'), async (req, res) => {
    const { returneeIds } = req.body as { returneeIds: string[] };
    res.json({ items: await addRoster(ctx, callerOf(req), idOf(req), returneeIds, causeOf(req)) });
  });
  router.get('/catalogue', ...allow(verify, 'officer', 'college', 'admin'), async (req, res) => {
    res.json(await listCatalogue(ctx, req.query as CatalogueQuery));
  });
  return router;
}
