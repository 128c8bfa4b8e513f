import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import {
  addNote,
  deleteReturnee,
  gradeReturnee,
  recordInformationSheet,
  recordMilestone,
  recordReception,
} from '../domain/case-record.use-case';
import type { CasesContext } from '../domain/cases.context';
import { readReturnee, searchReturnees, type ReturneeQuery } from '../domain/read-returnee.use-case';
import { recordConsent, type ConsentChange } from '../domain/record-consent.use-case';
import { registerReturnee, type NewReturnee } from '../domain/register-returnee.use-case';
import { acceptTransfer, incomingTransfers, requestTransfer } from '../domain/transfer.use-case';
import { updateReturnee, type ReturneeChanges } from '../domain/update-returnee.use-case';
import { actorOf, idParam, purposeOf } from './actor';

/** Returnee files: officers of the file's province and admins only (every other role: 403). */
export function returneeRoutes(ctx: CasesContext, verify: Verifier): Router {
  const router = Router();
  const staff = [authenticate(verify), requireRole('officer', 'admin')];

  router.post('/returnees', ...staff, async (req, res) => {
    const result = await registerReturnee(ctx, actorOf(req), idempotencyKeyOf(req), req.body as NewReturnee);
    res.setHeader('Location', `/returnees/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/returnees', ...staff, async (req, res) => {
    const { purpose: _p, ...query } = req.query as ReturneeQuery & { purpose?: string };
    res.json(await searchReturnees(ctx, actorOf(req), query, purposeOf(req)));
  });
  router.get('/returnees/:id', ...staff, async (req, res) => {
    res.json(await readReturnee(ctx, actorOf(req), idParam(req), purposeOf(req)));
  });
  router.patch('/returnees/:id', ...staff, async (req, res) => {
    res.json(await updateReturnee(ctx, actorOf(req), idParam(req), req.body as ReturneeChanges));
  });
  router.delete('/returnees/:id', ...staff, async (req, res) => {
    await deleteReturnee(ctx, actorOf(req), idParam(req), req.query.reason as string);
    res.status(204).end();
  });
  router.put('/returnees/:id/consent', ...staff, async (req, res) => {
    res.json(await recordConsent(ctx, actorOf(req), idParam(req), req.body as ConsentChange));
  });
  router.post('/returnees/:id/milestones', ...staff, async (req, res) => {
    res.status(201).json(await recordMilestone(ctx, actorOf(req), idParam(req), req.body, idempotencyKeyOf(req)));
  });
  router.post('/returnees/:id/grades', ...staff, async (req, res) => {
    res.status(201).json(await gradeReturnee(ctx, actorOf(req), idParam(req), req.body, idempotencyKeyOf(req)));
  });
  router.post('/returnees/:id/notes', ...staff, async (req, res) => {
    res.status(201).json(await addNote(ctx, actorOf(req), idParam(req), (req.body as { text: string }).text, idempotencyKeyOf(req)));
  });
  router.put('/returnees/:id/reception', ...staff, async (req, res) => {
    res.json(await recordReception(ctx, actorOf(req), idParam(req), req.body));
  });
  router.put('/returnees/:id/information-sheet', ...staff, async (req, res) => {
    res.json(await recordInformationSheet(ctx, actorOf(req), idParam(req), req.body));
  });
  router.post('/returnees/:id/transfer', ...staff, async (req, res) => {
    res.status(202).json(await requestTransfer(ctx, actorOf(req), idParam(req), req.body));
  });
  router.post('/returnees/:id/transfer/accept', ...staff, async (req, res) => {
    res.json(await acceptTransfer(ctx, actorOf(req), idParam(req)));
  });
  router.get('/transfers/incoming', ...staff, async (req, res) => {
    res.json(await incomingTransfers(ctx, actorOf(req), req.query));
  });
  return router;
}
