import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '@hoanhap/auth';
import { loadOpenApi } from '@hoanhap/kit';
import { itKeepsTheGatewayContract, type ContractOperation } from '@hoanhap/testing';
import { OPENAPI_FILE } from '../src/app';
import { clock, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
const document = loadOpenApi(OPENAPI_FILE);
// A valid body per operation, so the check reaches authorisation instead of stopping at validation.
const bodies: Record<string, () => object> = {
  createApplication: () => ({ returneeId: randomUUID(), purpose: 'production', amountVnd: 1_000_000, termMonths: 12, plan: 'x' }),
  updateApplication: () => ({ plan: 'y' }),
  addApplicationNote: () => ({ kind: 'note', text: 'x' }),
  requestMoreInfo: () => ({ reason: 'x' }),
  decideApplication: () => ({ decision: 'approved', reasons: [] }),
  recordDisbursement: () => ({ amountVnd: 1, on: '2026-03-02' }),
  recordRepayment: () => ({ amountVnd: 1, on: '2026-03-02' }),
};

function call(op: ContractOperation, role?: string) {
  const path = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const req = request(h.loans.app)[op.method as 'get' | 'post'](path);
  if (role) req.set('Authorization', `Bearer ${h.issuer.forRole(role as Role)}`);
  if (op.operationId === 'uploadDocument')
    return req.query({ kind: 'loan-request' }).set('content-type', 'application/pdf').send(Buffer.from('%PDF-1.4'));
  return bodies[op.operationId!] ? req.send(bodies[op.operationId!]!()) : req;
}

beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans({ messaging: false });
});
afterAll(() => h.close());

describe('openapi.yaml, the contract the gateway enforces', () => {
  itKeepsTheGatewayContract({ document, roles: ROLES, call });

  it('when GET /products is called without a token, then the products of Decision 22/2023 answer with their sources', async () => {
    const res = await request(h.loans.app).get('/products');
    expect(res.status).toBe(200);
    expect(res.body.policy).toMatchObject({ id: 'decision-22-2023', effectiveFrom: '2023-10-10' });
    const production = res.body.items.find((p: { code: string }) => p.code === 'd22-production');
    expect(production.maxAmountVnd.value).toBe(100_000_000);
    expect(production.maxTermMonths).toEqual({ value: 120, source: expect.stringMatching(/Art\. 8/) });
    expect(production.monthlyRatePercent.value).toBe(0.55);
    expect(production.overdueRatePercentOfRate.value).toBe(130);
    const before = await request(h.loans.app).get('/products?on=2023-10-09');
    expect([before.status, before.body.code]).toEqual([422, 'LOAN.NO_POLICY']);
  });
});
