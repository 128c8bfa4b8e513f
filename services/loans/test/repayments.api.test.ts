import { randomUUID } from 'node:crypto';
import { detectOverdue } from '../src/domain/detect-overdue.use-case';
import { approvedApplication, uploadChecklist } from './support/flows';
import { productionApplication } from './support/fixtures';
import { clock, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans();
});
afterAll(() => h.close());

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('disbursement, schedule, repayments and overdue detection', () => {
  it('when an approved loan of 99,999,999 VND over 37 months is disbursed, then the schedule sums exactly and repayments move it to repaying, overdue and closed', async () => {
    const { id } = await approvedApplication(h, { amountVnd: 99_999_999, termMonths: 37, security: { kind: 'guarantee', description: 'Bảo lãnh của Hội Nông dân xã' } });
    const projected = await h.as('officer40').get(`/applications/${id}/schedule`);
    expect(projected.body.projected).toBe(true);

    const tooMuch = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 100_000_000, on: '2026-03-02' });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, 'LOAN.DISBURSEMENT_OVER_APPROVED']);
    const disbursed = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 99_999_999, on: '2026-03-02' });
    expect([disbursed.status, disbursed.body.status]).toEqual([201, 'disbursed']);

    const schedule = (await h.as('bank40a').get(`/applications/${id}/schedule`)).body;
    expect(schedule).toMatchObject({ projected: false, principalVnd: 99_999_999, termMonths: 37, monthlyRatePercent: 0.55, overdueRatePercentOfRate: 130, method: { method: 'equal-principal', interestBasis: 'actual-days-30' } });
    expect(schedule.instalments).toHaveLength(37);
    expect(sum(schedule.instalments.map((i: { principalVnd: number }) => i.principalVnd))).toBe(99_999_999);
    expect(schedule.instalments[36].principalVnd).toBe(2_702_727);
    const first = schedule.instalments[0];
    expect(first.dueOn).toBe('2026-04-02');

    clock.now = new Date('2026-04-02T03:00:00Z');
    const paid = await h.as('bank40a').post(`/applications/${id}/repayments`).set('Idempotency-Key', 'r-1').send({ amountVnd: first.principalVnd + first.interestVnd, on: '2026-04-02' });
    expect([paid.status, paid.body.status]).toEqual([201, 'repaying']);
    const replay = await h.as('bank40a').post(`/applications/${id}/repayments`).set('Idempotency-Key', 'r-1').send({ amountVnd: first.principalVnd + first.interestVnd, on: '2026-04-02' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.repayment.id).toBe(paid.body.repayment.id);

    clock.now = new Date('2026-05-04T03:00:00Z'); // the 2/5 instalment is two days late
    const sweep = await detectOverdue(h.loans.ctx, { correlationId: randomUUID() });
    expect(sweep.changed).toContain(id);
    const late = (await h.as('bank40a').get(`/applications/${id}/schedule`)).body;
    expect(late.overdue).toBe(true);
    expect(late.instalments[1]).toMatchObject({ state: 'overdue', daysOverdue: 2 });
    // 130 % × 0.55 % on the 2,702,702 overdue principal for 2 days / 30
    expect(late.penaltyInterestDueVnd).toBe(Math.round((2_702_702 * 0.0055 * 1.3 * 2) / 30));
    expect((await h.as('officer40').get(`/applications/${id}`)).body.status).toBe('overdue');

    const catchUp = late.penaltyInterestDueVnd + late.instalments[1].principalVnd + late.instalments[1].interestVnd;
    const back = await h.as('bank40a').post(`/applications/${id}/repayments`).send({ amountVnd: catchUp, on: '2026-05-04' });
    expect(back.body.status).toBe('repaying');

    const tooLarge = await h.as('bank40a').post(`/applications/${id}/repayments`).send({ amountVnd: 500_000_000, on: '2026-05-04' });
    expect([tooLarge.status, tooLarge.body.code]).toEqual([422, 'LOAN.REPAYMENT_EXCEEDS_BALANCE']);
    const payoff = (await h.as('bank40a').get(`/applications/${id}/schedule`)).body.payoffVnd;
    const closed = await h.as('bank40a').post(`/applications/${id}/repayments`).send({ amountVnd: payoff, on: '2026-05-04' });
    expect([closed.body.status, closed.body.standing.payoffVnd]).toEqual(['closed', 0]);
    clock.now = new Date('2026-03-02T03:00:00Z');
  });

  it('when a disbursement is dated before the decision or in the future, or the loan is not approved, then it is refused', async () => {
    const { id } = await approvedApplication(h);
    const future = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-03' });
    expect([future.status, future.body.code]).toEqual([422, 'LOAN.DATE_OUT_OF_RANGE']);
    const early = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-01' });
    expect(early.status).toBe(422);
    const ok = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-02' });
    const retried = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-02' });
    expect([ok.status, retried.status, retried.body.status]).toEqual([201, 201, 'disbursed']);
    const repay = await h.as('bank40a').post(`/applications/${id}/repayments`).send({ amountVnd: 1, on: '2026-03-01' });
    expect([repay.status, repay.body.code]).toEqual([422, 'LOAN.DATE_OUT_OF_RANGE']);
  });

  it('when ten repayments and two decisions race on FerretDB, then no update is lost and only one decision wins', async () => {
    const { id } = await approvedApplication(h);
    await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-02' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => h.as('bank40a').post(`/applications/${id}/repayments`).set('Idempotency-Key', `race-${i}`).send({ amountVnd: 1_000, on: '2026-03-02' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const schedule = (await h.as('bank40a').get(`/applications/${id}/schedule`)).body;
    expect(schedule.totalPaidVnd).toBe(10_000);

    const returnee = await h.publishReturnee();
    const { body } = await h.as('officer40').post('/applications').send(productionApplication(returnee));
    await uploadChecklist(h, body.id);
    await h.as('officer40').post(`/applications/${body.id}/submit`);
    await h.as('bank40a').post(`/applications/${body.id}/assign`).send({});
    await h.as('bank40a').post(`/applications/${body.id}/notes`).send({ kind: 'assessment', text: 'Đạt', recommendation: 'approve' });
    const decisions = await Promise.all([
      h.as('bank40b').post(`/applications/${body.id}/decision`).send({ decision: 'approved', reasons: [] }),
      h.as('bank40b').post(`/applications/${body.id}/decision`).send({ decision: 'rejected', reasons: ['Trùng'] }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
  });

  it('when money amounts are not whole VND, then 400', async () => {
    const { id } = await approvedApplication(h);
    const res = await h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000.5, on: '2026-03-02' });
    expect([res.status, res.body.errors[0].field]).toEqual([400, 'amountVnd']);
  });
});
