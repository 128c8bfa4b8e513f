import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { addNote, type NewNote } from '../domain/add-note.use-case';
import { assignReviewer } from '../domain/assign-reviewer.use-case';
import { type Decision, decideApplication } from '../domain/decide-application.use-case';
import type { LoansContext } from '../domain/loans.context';
import type { DocumentKind } from '../domain/policy/credit-policy.types';
import { requestMoreInfo } from '../domain/request-more-info.use-case';
import { callerOf, param } from './caller-of';

/** Review at the VBSP branch: bank staff of the application's branch only (another branch → 404). */
export function reviewRoutes(ctx: LoansContext, verify: Verifier): Router {
  const router = Router();
  const bank = [authenticate(verify), requireRole('bank')];

  router.post('/applications/:id/assign', ...bank, async (req, res) => {
    res.json(await assignReviewer(ctx, callerOf(req), param(req, 'id'), (req.body as { reviewerId?: string } | undefined)?.reviewerId));
  });
  router.post('/applications/:id/notes', ...bank, async (req, res) => {
    res.status(201).json(await addNote(ctx, callerOf(req), param(req, 'id'), req.body as NewNote));
  });
  router.post('/applications/:id/more-info', ...bank, async (req, res) => {
    res.json(await requestMoreInfo(ctx, callerOf(req), param(req, 'id'), req.body as { reason: string; documents?: DocumentKind[] }));
  });
  router.post('/applications/:id/decision', ...bank, async (req, res) => {
    res.json(await decideApplication(ctx, callerOf(req), param(req, 'id'), req.body as Decision));
  });
  return router;
}
