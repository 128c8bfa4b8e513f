import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { queryAudit, verifyAudit, type AuditQuery } from '../domain/audit-log.use-case';
import type { CasesContext } from '../domain/cases.context';
import { provinceStatistics } from '../domain/statistics.use-case';
import { actorOf } from './actor';

/** Statistics that need grades or offences (officers of the province only, issue 5) and the audit log (admins). */
export function reportRoutes(ctx: CasesContext, verify: Verifier): Router {
  const router = Router();
  router.get('/statistics', authenticate(verify), requireRole('officer'), async (req, res) => {
    res.json(await provinceStatistics(ctx, actorOf(req), req.query.provinceCode as string));
  });
  router.get('/audit', authenticate(verify), requireRole('admin'), async (req, res) => {
    res.json(await queryAudit(ctx, req.query as AuditQuery));
  });
  router.get('/audit/verify', authenticate(verify), requireRole('admin'), async (_req, res) => {
    res.json(await verifyAudit(ctx));
  });
  return router;
}
