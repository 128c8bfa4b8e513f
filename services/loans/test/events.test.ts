import { randomUUID } from 'node:crypto';
import {
  LOANS_FORBIDDEN_FIELDS,
  loanApplicationStatusChangedV1,
  loanProductPublishedV1,
  profilePublishedV1,
  referralCreatedV1,
  referralWithdrawnV1,
  type EventEnvelope,
  type LoanApplicationStatusChangedV1,
  type LoanProductPublishedV1,
} from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { productionApplication } from './support/fixtures';
import { uploadChecklist } from './support/flows';
import { clock, type Harness, startLoans } from './support/loans-harness';
import { tapEvents } from './support/event-tap';

let h: Harness;
let tap: Awaited<ReturnType<typeof tapEvents>>;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans();
  tap = await tapEvents(h, [loanApplicationStatusChangedV1, loanProductPublishedV1] as never);
});
afterAll(async () => {
  await tap.stop();
  await h.close();
});

const statusEvents = (applicationId: string) =>
  tap.seen.filter((e): e is EventEnvelope<LoanApplicationStatusChangedV1> => e.type === 'loans.application.status-changed' && (e.payload as { applicationId: string }).applicationId === applicationId);

async function referral(returneeId: string) {
  const referralId = randomUUID();
  await h.publish(
    referralCreatedV1,
    { referralId, returneeId, target: { kind: 'loan', id: 'd22-production' }, officerId: 'officer-40', provinceCode: '40', communeCode: '16681', createdAt: new Date().toISOString() },
    referralId,
  );
  await waitFor('the referral to reach loans', () => h.loans.ctx.referrals.get(referralId));
  return referralId;
}

describe('events loans produces and consumes (real Kafka)', () => {
  it('when loans starts, then loans.product.published.v1 carries each product of Decision 22/2023', async () => {
    const products = await waitFor('three products', () => {
      const seen = tap.seen.filter((e) => e.type === 'loans.product.published').map((e) => e.payload as LoanProductPublishedV1);
      return seen.length >= 3 && seen;
    });
    expect(products.map((p) => [p.productCode, p.purpose, p.maxAmountVnd, p.maxTermMonths, p.monthlyRatePercent])).toEqual([
      ['d22-production', 'production', 100_000_000, 120, 0.55],
      ['d22-training', 'training', 4_000_000, 120, 0.55],
      ['d22-business', 'business', 2_000_000_000, 120, 0.55],
    ]);
    expect(products.every((p) => p.effectiveFrom === '2023-10-10' && p.overdueRatePercentOfRate === 130)).toBe(true);
  });

  it('when a referred application is decided, then loans.application.status-changed.v1 arrives on Kafka with the referralId, in order, and nothing sensitive', async () => {
    const returneeId = await h.publishReturnee();
    const referralId = await referral(returneeId);
    const created = await h.as('officer40').post('/applications').send(productionApplication(returneeId, { referralId }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    await uploadChecklist(h, id);
    await h.as('officer40').post(`/applications/${id}/submit`);
    await h.as('bank40a').post(`/applications/${id}/assign`).send({});
    await h.as('bank40a').post(`/applications/${id}/notes`).send({ kind: 'assessment', text: 'Đạt', recommendation: 'approve' });
    const decided = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: ['Phương án khả thi'] });
    expect(decided.status).toBe(200);

    const events = await waitFor('four status events', () => statusEvents(id).length >= 4 && statusEvents(id));
    expect(events.map((e) => e.payload.status)).toEqual(['draft', 'submitted', 'under-review', 'approved']);
    const approved = events[3]!;
    expect(approved.key).toBe(id);
    expect(approved.producer).toBe('loans');
    expect(approved.payload).toMatchObject({ applicationId: id, referralId, returneeId, borrowerKind: 'individual', purpose: 'production', status: 'approved', previousStatus: 'under-review', amountVnd: 80_000_000, reasons: ['Phương án khả thi'], branchOrgId: 'org-bank-40', provinceCode: '40' });
    for (const event of events) for (const field of LOANS_FORBIDDEN_FIELDS) expect(event.payload).not.toHaveProperty(field);
  });

  it('when the referral is unknown or for another returnee, then 409 REFERRAL_NOT_YET_KNOWN with Retry-After, or 422', async () => {
    const returneeId = await h.publishReturnee();
    const unknown = await h.as('officer40').post('/applications').send(productionApplication(returneeId, { referralId: randomUUID() }));
    expect([unknown.status, unknown.body.code, unknown.headers['retry-after']]).toEqual([409, 'LOAN.REFERRAL_NOT_YET_KNOWN', '2']);
    const otherReferral = await referral(await h.publishReturnee());
    const mismatch = await h.as('officer40').post('/applications').send(productionApplication(returneeId, { referralId: otherReferral }));
    expect([mismatch.status, mismatch.body.code]).toEqual([422, 'LOAN.REFERRAL_MISMATCH']);
  });

  it('when cases withdraws the referral (consent revoked), then the undecided application is withdrawn and that is published', async () => {
    const returneeId = await h.publishReturnee();
    const referralId = await referral(returneeId);
    const { body } = await h.as('officer40').post('/applications').send(productionApplication(returneeId, { referralId }));
    await h.publish(referralWithdrawnV1, { referralId, returneeId, target: { kind: 'loan', id: 'd22-production' }, reason: 'consent-revoked', at: new Date().toISOString() }, referralId);
    const withdrawn = await waitFor('the withdrawn event', () => statusEvents(body.id).find((e) => e.payload.status === 'withdrawn'));
    expect(withdrawn.payload.reasons).toEqual(['referral withdrawn: consent-revoked']);
    expect((await h.as('officer40').get(`/applications/${body.id}`)).body.status).toBe('withdrawn');
  });

  it('when cases publishes an older profile revision after a newer one, then loans keeps the newer facts', async () => {
    const returneeId = await h.publishReturnee({ revision: 3, creditWindowEndsOn: '2030-01-01' });
    const consent = { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true };
    const stale = { givenName: 'An', provinceCode: '40', communeCode: '16681', creditWindowEndsOn: '2020-01-01', releaseKindEligible: false };
    await h.publish(profilePublishedV1, { returneeId, revision: 2, consent, bankView: stale }, returneeId);
    // one partition in tests: once a later message is handled, the stale one was handled before it
    await h.publishReturnee();
    expect(await h.loans.ctx.returnees.get(returneeId)).toMatchObject({ revision: 3, creditWindowEndsOn: '2030-01-01', releaseKindEligible: true });
  });
});
