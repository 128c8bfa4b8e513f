import { Router } from 'express';
import { authenticate, requireRole, type Verifier } from '@hoanhap/auth';
import { idempotencyKeyOf } from '@hoanhap/kit';
import { getSchedule } from '../domain/get-schedule.use-case';
import type { LoansContext } from '../domain/loans.context';
import { recordDisbursement } from '../domain/record-disbursement.use-case';
import { recordRepayment } from '../domain/record-repayment.use-case';
import { callerOf, param } from './caller-of';

/** Disbursement and repayments are recorded by the branch; the schedule is read by all who may see the loan. */
export function repaymentRoutes(ctx: LoansContext, verify: Verifier): Router {
  const router = Router();
  const auth = authenticate(verify);
  const bank = [auth, requireRole('bank')];

  router.post('/applications/:id/disbursement', ...bank, async (req, res) => {
    res.status(201).json(await recordDisbursement(ctx, callerOf(req), param(req, 'id'), req.body as { amountVnd: number; on: string }));
  });
  router.get('/applications/:id/schedule', auth, requireRole('officer', 'employer', 'bank', 'admin'), async (req, res) => {
    res.json(await getSchedule(ctx, callerOf(req), param(req, 'id')));
  });
  router.post('/applications/:id/repayments', ...bank, async (req, res) => {
    const result = await recordRepayment(ctx, callerOf(req), param(req, 'id'), idempotencyKeyOf(req), req.body as { amountVnd: number; on: string });
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json(result);
  });
  return router;
}
