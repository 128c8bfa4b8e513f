import { randomUUID } from 'node:crypto';
import { profilePublishedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import type { Response } from 'supertest';
import { productionApplication } from './support/fixtures';
import { uploadChecklist } from './support/flows';
import { clock, type CallerName, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans();
});
afterAll(() => h.close());

// What never leaves cases (ARCHITECTURE §2), under any spelling a response might use (a savings group's `name` is fine).
const FORBIDDEN_KEYS = /^(fullName|nationalId|phone|address|addressLine|dateOfBirth|offence|offenceCategory|sentence|sentenceMonths|grade|riskGrade|gradeHistory|restrictions|riskNote|releaseKind)$/;

function keysOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keysOf(v, `${path}.${k}`)]);
  return [];
}

describe('no offence, sentence, grade or identity in any response', () => {
  it('when a file goes from intake to decision and every role reads it, then no response carries a sensitive field, and reads are audited', async () => {
    const returneeId = randomUUID();
    const consent = { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true };
    // cases may add fields later; loans keeps the bankView facts it knows and nothing else
    const bankView = { givenName: 'An', provinceCode: '40', communeCode: '16681', creditWindowEndsOn: '2030-09-01', releaseKindEligible: true, riskNote: 'must not travel' };
    await h.publish(profilePublishedV1, { returneeId, revision: 1, consent, bankView } as never, returneeId);
    await waitFor('the profile', () => h.loans.ctx.returnees.get(returneeId));

    const responses: Response[] = [];
    const keep = async (res: Promise<Response> | Response) => {
      const r = await res;
      responses.push(r);
      return r;
    };
    const created = await keep(h.as('officer40').post('/applications').send(productionApplication(returneeId)));
    const id = created.body.id as string;
    await uploadChecklist(h, id);
    await keep(h.as('officer40').post(`/applications/${id}/submit`));
    for (const caller of ['officer40', 'bank40a', 'admin'] as CallerName[]) {
      await keep(h.as(caller).get(`/applications/${id}`));
      await keep(h.as(caller).get('/applications'));
      await keep(h.as(caller).get(`/applications/${id}/schedule`));
    }
    await keep(h.as('bank40a').post(`/applications/${id}/assign`).send({}));
    await keep(h.as('bank40a').post(`/applications/${id}/notes`).send({ kind: 'assessment', text: 'Đạt', recommendation: 'approve' }));
    await keep(h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: [] }));
    await keep(h.as('bank40a').post(`/applications/${id}/disbursement`).send({ amountVnd: 80_000_000, on: '2026-03-02' }));

    for (const res of responses) {
      expect(res.status).toBeLessThan(300);
      expect(keysOf(res.body).filter((k) => FORBIDDEN_KEYS.test(k.split('.').pop()!))).toEqual([]);
      expect(JSON.stringify(res.body)).not.toContain('must not travel');
    }
    const bankRead = await h.as('bank40a').get(`/applications/${id}`);
    expect(bankRead.body.returnee).toEqual({ givenName: 'An', creditWindowEndsOn: '2030-09-01', releaseKindEligible: true });

    const audit = await h.audit.query({ resourceType: 'loan-application', resourceId: id });
    expect(audit.items.map((e) => `${e.actor.role}:${e.action}`)).toEqual(
      expect.arrayContaining(['officer:loan-application.read', 'bank:loan-application.read', 'admin:loan-application.read', 'bank:loan-schedule.read']),
    );
    expect((await h.audit.verify()).ok).toBe(true);
  });

  it('when the returnee revokes shareWithBank, then the bank no longer sees the credit facts on the application', async () => {
    const returneeId = await h.publishReturnee();
    const created = await h.as('officer40').post('/applications').send(productionApplication(returneeId));
    await uploadChecklist(h, created.body.id);
    await h.as('officer40').post(`/applications/${created.body.id}/submit`);
    expect((await h.as('bank40a').get(`/applications/${created.body.id}`)).body.returnee).toBeDefined();
    await h.publishReturnee({ returneeId, revision: 2, shareWithBank: false });
    const after = await h.as('bank40a').get(`/applications/${created.body.id}`);
    expect(after.body.returnee).toBeUndefined();
    expect(keysOf(after.body).some((k) => /creditWindowEndsOn|releaseKindEligible/.test(k))).toBe(false);
  });
});
