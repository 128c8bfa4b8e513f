import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf, sendCreated } from '@hoanhap/kit';
import type { CasesContext } from '../domain/cases.context';
import { createReferral, type NewReferral } from '../domain/create-referral.use-case';
import { getReferral, listReferrals, markReferralRead, referralInbox, type ReferralQuery } from '../domain/list-referrals.use-case';
import { referralDto } from '../domain/referral.dto';
import { withdrawReferral } from '../domain/withdraw-referral.use-case';
import { actorOf, idParam } from './actor';

/** Referrals: officers refer and follow; admins read. */
export function referralRoutes(ctx: CasesContext, verify: Verifier): Router {
  const router = Router();
  const staff = [authenticate(verify), requireRole('officer', 'admin')];
  const officer = [authenticate(verify), requireRole('officer')];

  router.post('/referrals', ...officer, async (req, res) => {
    const result = await createReferral(ctx, actorOf(req), idempotencyKeyOf(req), req.body as NewReferral);
    res.setHeader('Location', `/referrals/${result.id}`);
    sendCreated(res, result);
  });
  router.get('/referrals', ...staff, async (req, res) => {
    res.json(await listReferrals(ctx, actorOf(req), req.query as ReferralQuery));
  });
  router.get('/referrals/inbox', ...officer, async (req, res) => {
    res.json(await referralInbox(ctx, actorOf(req), req.query));
  });
  router.get('/referrals/:id', ...staff, async (req, res) => {
    res.json(await getReferral(ctx, actorOf(req), idParam(req)));
  });
  router.post('/referrals/:id/read', ...officer, async (req, res) => {
    res.json(await markReferralRead(ctx, actorOf(req), idParam(req)));
  });
  router.post('/referrals/:id/withdraw', ...officer, async (req, res) => {
    res.json(referralDto(await withdrawReferral(ctx, actorOf(req), idParam(req)), ctx));
  });
  return router;
}
