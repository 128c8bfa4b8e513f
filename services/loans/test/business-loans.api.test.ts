import { DEMO } from '@hoanhap/reference';
import { uploadChecklist } from './support/flows';
import { clock, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans({ messaging: false });
});
afterAll(() => h.close());

const form02 = { form: '02', number: '7/XN-UBND', issuedOn: '2026-02-20', communeCode: DEMO.communeCode };
const business = (overrides: Record<string, unknown> = {}) => ({
  employerOrgId: 'org-employer-1',
  purpose: 'business',
  amountVnd: 500_000_000,
  termMonths: 60,
  plan: 'Mở rộng xưởng cơ khí, nhận thêm 5 lao động là người chấp hành xong án phạt tù',
  staffCount: 40,
  qualifyingEmployees: 5,
  confirmation: form02,
  security: { kind: 'property', description: 'Nhà xưởng tại phường Thành Vinh', valueVnd: 900_000_000 },
  ...overrides,
});

describe('loans to establishments employing returnees (Decision 22/2023/QĐ-TTg Art. 3(2)(b))', () => {
  it('when an employer applies for its business with 5 of 40 staff qualifying, then 201 draft, eligible, routed by the Form 02 commune', async () => {
    const res = await h.as('employer').post('/applications').send(business());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ borrowerKind: 'business', productCode: 'd22-business', provinceCode: '40', communeCode: DEMO.communeCode, branchOrgId: 'org-bank-40' });
    expect(res.body.eligibility).toMatchObject({ eligible: true, failures: [] });
    expect(res.body.completeness.missing.map((f: { rule: string }) => f.rule)).toEqual([
      'document.loan-request',
      'document.use-of-funds-plan',
      'document.commune-confirmation',
      'document.labour-contracts',
      'document.business-registration',
      'document.security-documents',
    ]);
  });

  it('when 3 of 40 staff qualify (7.5 %) and the amount is above 100 million per qualifying employee without security, then every failure is listed at submit', async () => {
    const { body } = await h.as('employer').post('/applications').send(business({ qualifyingEmployees: 3, security: undefined, amountVnd: 400_000_000 }));
    const res = await h.as('employer').post(`/applications/${body.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.failures.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['per-employee-cap', 'qualifying-staff-share', 'loan-security', 'document.labour-contracts']),
    );
  });

  it('when an employer applies for another organisation, then 403; another employer cannot read it (404)', async () => {
    const other = await h.as('employer').post('/applications').send(business({ employerOrgId: 'org-employer-2' }));
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ORG']);
    const { body } = await h.as('employer').post('/applications').send(business());
    expect((await h.as('employer2').get(`/applications/${body.id}`)).status).toBe(404);
    expect((await h.as('employer2').get('/applications')).body.items).toEqual([]);
  });

  it('when the complete file is submitted and decided by a second pair of eyes, then the employer sees it approved', async () => {
    const { body } = await h.as('employer').post('/applications').send(business());
    await uploadChecklist(h, body.id, ['loan-request', 'use-of-funds-plan', 'commune-confirmation', 'labour-contracts', 'business-registration', 'security-documents'], 'employer');
    const submitted = await h.as('employer').post(`/applications/${body.id}/submit`);
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
    await h.as('bank40a').post(`/applications/${body.id}/assign`).send({});
    await h.as('bank40a').post(`/applications/${body.id}/notes`).send({ kind: 'assessment', text: 'Tài sản bảo đảm đủ', recommendation: 'approve' });
    await h.as('bank40b').post(`/applications/${body.id}/decision`).send({ decision: 'approved', reasons: [] });
    const seen = await h.as('employer').get(`/applications/${body.id}`);
    expect(seen.body.status).toBe('approved');
    expect(seen.body.notes).toEqual([]); // the bank's assessment stays with the bank
  });

  it('when an employer withdraws an undecided application, then it is withdrawn and can no longer be submitted', async () => {
    const { body } = await h.as('employer').post('/applications').send(business());
    const res = await h.as('employer').post(`/applications/${body.id}/withdraw`).send({ reason: 'Đã vay nguồn khác' });
    expect([res.status, res.body.status, res.body.history[1].reasons]).toEqual([200, 'withdrawn', ['Đã vay nguồn khác']]);
    expect((await h.as('employer').post(`/applications/${body.id}/submit`)).status).toBe(409);
  });
});
