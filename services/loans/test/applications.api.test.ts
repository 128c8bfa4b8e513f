import { randomUUID } from 'node:crypto';
import { DEMO } from '@hoanhap/reference';
import { productionApplication } from './support/fixtures';
import { clock, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans();
});
afterAll(() => h.close());

describe('POST /applications (intake by an officer for a returnee)', () => {
  it('when an officer sends the ARCHITECTURE §6 body for a consenting returnee, then 201 draft with the pre-check and what the file lacks', async () => {
    const returneeId = await h.publishReturnee();
    const res = await h.as('officer40').post('/applications').send({ returneeId, purpose: 'production', amountVnd: 50_000_000, termMonths: 36, plan: 'Mở tiệm sửa xe máy' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/applications/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'draft', borrowerKind: 'individual', purpose: 'production', productCode: 'd22-production', provinceCode: '40', branchOrgId: 'org-bank-40' });
    expect(res.body.returnee).toEqual({ givenName: 'An', creditWindowEndsOn: '2030-09-01', releaseKindEligible: true });
    expect(res.body.eligibility.eligible).toBe(false);
    expect(res.body.eligibility.failures.map((f: { rule: string }) => f.rule)).toEqual(['commune-confirmation']);
    expect(res.body.completeness.missing.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['household-representative', 'savings-group', 'entrusted-organisation', 'document.loan-request']),
    );
  });

  it('when the returnee is not known here yet, then 409 LOAN.RETURNEE_NOT_YET_KNOWN with Retry-After', async () => {
    const res = await h.as('officer40').post('/applications').send(productionApplication(randomUUID()));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('LOAN.RETURNEE_NOT_YET_KNOWN');
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body.errors[0].field).toBe('returneeId');
  });

  it('when the returnee has not consented to share with the bank, or revoked it, then 422 LOAN.BANK_CONSENT_MISSING', async () => {
    const never = await h.publishReturnee({ shareWithBank: false });
    const res = await h.as('officer40').post('/applications').send(productionApplication(never));
    expect([res.status, res.body.code]).toEqual([422, 'LOAN.BANK_CONSENT_MISSING']);

    const revoked = await h.publishReturnee();
    await h.publishReturnee({ returneeId: revoked, revision: 2, shareWithBank: false });
    const after = await h.as('officer40').post('/applications').send(productionApplication(revoked));
    expect([after.status, after.body.code]).toEqual([422, 'LOAN.BANK_CONSENT_MISSING']);
  });

  it("when an officer of another province applies for a returnee, then 403 LOAN.RETURNEE_OUTSIDE_PROVINCE", async () => {
    const returneeId = await h.publishReturnee();
    const res = await h.as('officer01').post('/applications').send(productionApplication(returneeId));
    expect([res.status, res.body.code]).toEqual([403, 'LOAN.RETURNEE_OUTSIDE_PROVINCE']);
  });

  it('when the same create is retried with its Idempotency-Key, then the first answer comes back and nothing new is created', async () => {
    const returneeId = await h.publishReturnee();
    const body = productionApplication(returneeId);
    const first = await h.as('officer40').post('/applications').set('Idempotency-Key', 'k-1').send(body);
    const again = await h.as('officer40').post('/applications').set('Idempotency-Key', 'k-1').send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await h.as('officer40').post('/applications').set('Idempotency-Key', 'k-1').send({ ...body, amountVnd: 1_000_000 });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    const list = await h.as('officer40').get(`/applications?returneeId=${returneeId}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('when the same keyed create arrives twice at once, then one application is created and both get it', async () => {
    const returneeId = await h.publishReturnee();
    const body = productionApplication(returneeId);
    const [a, b] = await Promise.all([0, 1].map(() => h.as('officer40').post('/applications').set('Idempotency-Key', 'race-1').send(body)));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(a!.body.id).toBe(b!.body.id);
    expect((await h.as('officer40').get(`/applications?returneeId=${returneeId}`)).body.items).toHaveLength(1);
  });

  it('when different applications for one borrower and purpose are created at once, then every one is in the borrower index', async () => {
    // the index feeds the no-outstanding-loan rule: an id left out of it would let a second loan for one purpose through
    const index = h.connection.collection('application_borrowers');
    for (let round = 0; round < 8; round += 1) {
      const returneeId = await h.publishReturnee();
      const created = await Promise.all([0, 1, 2, 3].map(() => h.as('officer40').post('/applications').send(productionApplication(returneeId))));
      expect(created.map((res) => res.status)).toEqual([201, 201, 201, 201]);
      const entry = (await index.findOne({ _id: `r:${returneeId}|production` as never })) as { ids?: string[] } | null;
      expect([...(entry?.ids ?? [])].sort()).toEqual(created.map((res) => res.body.id as string).sort());
    }
  });

  it('when an officer asks for a business loan or an employer for a returnee, then 400 naming the field', async () => {
    const returneeId = await h.publishReturnee();
    const officer = await h.as('officer40').post('/applications').send({ ...productionApplication(returneeId), purpose: 'business' });
    expect([officer.status, officer.body.errors[0].field]).toEqual([400, 'purpose']);
    const employer = await h.as('employer').post('/applications').send(productionApplication(returneeId));
    expect([employer.status, employer.body.errors[0].field]).toEqual([400, 'employerOrgId']);
  });

  it('when the body has an unknown field or a float amount, then 400 naming it', async () => {
    const returneeId = await h.publishReturnee();
    const res = await h.as('officer40').post('/applications').send({ ...productionApplication(returneeId), amountVnd: 1000.5, offence: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['amountVnd']));
  });
});

describe('POST /applications/{id}/submit', () => {
  it('when an ineligible draft is submitted, then 422 LOAN.NOT_ELIGIBLE lists EVERY failing rule, and nothing changes', async () => {
    const returneeId = await h.publishReturnee({ creditWindowEndsOn: '2026-03-01', releaseKindEligible: false });
    const created = await h.as('officer40').post('/applications').send({ returneeId, purpose: 'production', amountVnd: 120_000_000, termMonths: 130, plan: 'Mua máy cày' });
    expect(created.status).toBe(201);
    const res = await h.as('officer40').post(`/applications/${created.body.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LOAN.NOT_ELIGIBLE');
    const rules = res.body.failures.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'release-kind',
        'credit-window',
        'commune-confirmation',
        'amount-cap',
        'term-cap',
        'loan-security',
        'household-representative',
        'savings-group',
        'entrusted-organisation',
        'document.loan-request',
        'document.use-of-funds-plan',
        'document.commune-confirmation',
        'document.security-documents',
      ]),
    );
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(rules);
    for (const failure of res.body.failures.filter((f: { rule: string }) => !f.rule.startsWith('document.'))) expect(failure.source).toMatch(/Decision 22\/2023|Law 91/);
    const after = await h.as('officer40').get(`/applications/${created.body.id}`);
    expect(after.body.status).toBe('draft');
  });

  it('when a complete, eligible file is submitted, then it is submitted and the decision clock starts', async () => {
    const returneeId = await h.publishReturnee();
    const { body } = await h.as('officer40').post('/applications').send(productionApplication(returneeId));
    for (const kind of ['loan-request', 'use-of-funds-plan', 'commune-confirmation']) {
      const up = await h.as('officer40').post(`/applications/${body.id}/documents?kind=${kind}`).set('content-type', 'application/pdf').send(Buffer.from(`%PDF-1.4 ${kind}`));
      expect(up.status).toBe(201);
    }
    const res = await h.as('officer40').post(`/applications/${body.id}/submit`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.history.map((s: { status: string }) => s.status)).toEqual(['draft', 'submitted']);
    const read = await h.as('officer40').get(`/applications/${body.id}`);
    expect(read.body.decisionClock).toEqual({ completeOn: '2026-03-02', ageWorkingDays: 0, dueOn: '2026-03-05', breached: false });
  });

  it('when a draft is completed with PATCH, then the pre-check runs again', async () => {
    const returneeId = await h.publishReturnee();
    const { body } = await h.as('officer40').post('/applications').send({ returneeId, purpose: 'training', amountVnd: 30_000_000, termMonths: 24, courseMonths: 6, plan: 'Học nghề hàn' });
    expect(body.eligibility.failures.map((f: { rule: string }) => f.rule)).toEqual(['commune-confirmation', 'amount-cap']);
    const res = await h
      .as('officer40')
      .patch(`/applications/${body.id}`)
      .send({ amountVnd: 24_000_000, confirmation: { form: '01', number: '3/XN', issuedOn: '2026-02-01', communeCode: DEMO.communeCode } });
    expect(res.status).toBe(200);
    expect(res.body.eligibility).toMatchObject({ eligible: true, failures: [] });
  });
});
