import { approvedApplication, submittedApplication, uploadChecklist } from './support/flows';
import { productionApplication } from './support/fixtures';
import { BRANCH_40, clock, type Harness, startLoans } from './support/loans-harness';

let h: Harness;
beforeAll(async () => {
  clock.now = new Date('2026-03-02T03:00:00Z');
  h = await startLoans();
});
afterAll(() => h.close());

describe('the branch queue and the 3-working-day target', () => {
  it('when a file completed on the Friday before Tết 2026 is read during and after Tết, then its age counts working days only', async () => {
    clock.now = new Date('2026-02-13T03:00:00Z'); // Fri 13/2, 10:00 in Vietnam
    const { id } = await submittedApplication(h);
    clock.now = new Date('2026-02-23T03:00:00Z'); // Mon 23/2, first working day after Tết
    const queue = await h.as('bank40a').get(`/applications?status=submitted&branch=${BRANCH_40}`);
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((a: { id: string }) => a.id === id);
    expect(item.decisionClock).toEqual({ completeOn: '2026-02-13', ageWorkingDays: 1, dueOn: '2026-02-25', breached: false });
    expect(item.returnee).toEqual({ givenName: 'An', creditWindowEndsOn: '2030-09-01', releaseKindEligible: true });
    clock.now = new Date('2026-02-26T03:00:00Z');
    const late = await h.as('bank40a').get(`/applications/${id}`);
    expect(late.body.decisionClock).toMatchObject({ ageWorkingDays: 4, breached: true });
  });

  it('when a file completed on Fri 28/8/2026 is read on 3/9, then the weekend and National Day (1–2/9) did not count', async () => {
    clock.now = new Date('2026-08-28T02:00:00Z');
    const { id } = await submittedApplication(h);
    clock.now = new Date('2026-09-03T02:00:00Z');
    const res = await h.as('bank40a').get(`/applications/${id}`);
    expect(res.body.decisionClock).toEqual({ completeOn: '2026-08-28', ageWorkingDays: 2, dueOn: '2026-09-04', breached: false });
    clock.now = new Date('2026-03-02T03:00:00Z');
  });

  it('when the limit asked is above 200, then it is clamped, and the queue pages with a cursor', async () => {
    await submittedApplication(h);
    const all = await h.as('bank40a').get('/applications?limit=5000');
    expect(all.status).toBe(200);
    const first = await h.as('bank40a').get('/applications?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await h.as('bank40a').get(`/applications?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].id).toBe(all.body.items[1].id);
  });
});

describe('branch isolation (bank users see their own branch only)', () => {
  it('when staff of another branch read an application, then 404; its queue with another branch, 403; their own queue does not list it', async () => {
    const { id } = await submittedApplication(h);
    const read = await h.as('bank01').get(`/applications/${id}`);
    expect([read.status, read.body.code]).toEqual([404, 'LOAN.APPLICATION_NOT_FOUND']);
    const asked = await h.as('bank01').get(`/applications?branch=${BRANCH_40}`);
    expect([asked.status, asked.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ORG']);
    const own = await h.as('bank01').get('/applications');
    expect(own.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    for (const path of ['assign', 'decision', 'more-info']) {
      const res = await h.as('bank01').post(`/applications/${id}/${path}`).send(path === 'decision' ? { decision: 'approved', reasons: [] } : path === 'more-info' ? { reason: 'x' } : {});
      expect(res.status).toBe(404);
    }
    expect((await h.as('bank01').get(`/applications/${id}/schedule`)).status).toBe(404);
  });

  it('when bank staff look for drafts of their branch, then they see none', async () => {
    const returneeId = await h.publishReturnee();
    const draft = await h.as('officer40').post('/applications').send(productionApplication(returneeId));
    expect((await h.as('bank40a').get(`/applications/${draft.body.id}`)).status).toBe(404);
    expect((await h.as('bank40a').get('/applications?status=draft')).body.items).toEqual([]);
  });
});

describe('assessment, more information and the four-eyes decision', () => {
  it('when the reviewer who assessed the file tries to decide it, then 403 LOAN.FOUR_EYES; a colleague of the branch decides', async () => {
    const { id } = await submittedApplication(h);
    const assigned = await h.as('bank40a').post(`/applications/${id}/assign`).send({});
    expect([assigned.status, assigned.body.status, assigned.body.reviewerId]).toEqual([200, 'under-review', 'bank-40-a']);
    const early = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: [] });
    expect([early.status, early.body.code]).toEqual([409, 'LOAN.NOT_ASSESSED']);
    expect((await h.as('bank40a').post(`/applications/${id}/notes`).send({ kind: 'assessment', text: 'Đủ điều kiện', recommendation: 'approve' })).status).toBe(201);
    const own = await h.as('bank40a').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: [] });
    expect([own.status, own.body.code]).toEqual([403, 'LOAN.FOUR_EYES']);
    expect(own.headers['content-type']).toMatch(/application\/problem\+json/);
    const other = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: ['Phương án khả thi'] });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'approved', decision: { decision: 'approved', by: 'bank-40-b' } });
    const again = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'rejected', reasons: ['x'] });
    expect([again.status, again.body.code]).toEqual([409, 'LOAN.INVALID_STATUS']);
  });

  it('when a second officer assessed the file too, then neither assessor may decide it', async () => {
    const { id } = await submittedApplication(h);
    await h.as('bank40a').post(`/applications/${id}/assign`).send({});
    await h.as('bank40b').post(`/applications/${id}/notes`).send({ kind: 'assessment', text: 'Cần thêm tài sản bảo đảm', recommendation: 'reject' });
    const res = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'rejected', reasons: ['Không khả thi'] });
    expect([res.status, res.body.code]).toEqual([403, 'LOAN.FOUR_EYES']);
  });

  it('when a rejection gives no reason, then 400 naming reasons', async () => {
    const { id } = await submittedApplication(h);
    await h.as('bank40a').post(`/applications/${id}/assign`).send({});
    const res = await h.as('bank40b').post(`/applications/${id}/decision`).send({ decision: 'rejected', reasons: [] });
    expect([res.status, res.body.errors[0].field]).toEqual([400, 'reasons']);
  });

  it('when the bank asks for more documents, then the applicant sees the request, uploads, resubmits, and the file returns to its reviewer', async () => {
    const { id } = await submittedApplication(h);
    await h.as('bank40a').post(`/applications/${id}/assign`).send({});
    const asked = await h.as('bank40a').post(`/applications/${id}/more-info`).send({ reason: 'Bổ sung hợp đồng thuê mặt bằng', documents: ['use-of-funds-plan'] });
    expect([asked.status, asked.body.status]).toEqual([200, 'more-info-needed']);
    const seen = await h.as('officer40').get(`/applications/${id}`);
    expect(seen.body.notes).toEqual([expect.objectContaining({ kind: 'more-info-request', text: 'Bổ sung hợp đồng thuê mặt bằng', documents: ['use-of-funds-plan'] })]);
    await uploadChecklist(h, id, ['use-of-funds-plan']);
    const resubmitted = await h.as('officer40').post(`/applications/${id}/submit`);
    expect([resubmitted.status, resubmitted.body.status, resubmitted.body.reviewerId]).toEqual([200, 'under-review', 'bank-40-a']);
  });

  it('when an officer or an employer tries a bank action, then 403 AUTH.FORBIDDEN_ROLE', async () => {
    const { id } = await submittedApplication(h);
    const res = await h.as('officer40').post(`/applications/${id}/decision`).send({ decision: 'approved', reasons: [] });
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
  });
});

describe('no outstanding VBSP loan for the same purpose (Decision 22/2023/QĐ-TTg Art. 3(3))', () => {
  it('when the returnee already has an approved production loan, then a new production application fails no-outstanding-loan; a training one does not', async () => {
    const { returneeId } = await approvedApplication(h);
    const again = await h.as('officer40').post('/applications').send(productionApplication(returneeId));
    expect(again.body.eligibility.failures.map((f: { rule: string }) => f.rule)).toEqual(['no-outstanding-loan']);
    const training = await h.as('officer40').post('/applications').send(productionApplication(returneeId, { purpose: 'training', amountVnd: 8_000_000, courseMonths: 3, termMonths: 12 }));
    expect(training.body.eligibility.eligible).toBe(true);
  });

  it('when the loan was written before the borrower index existed, then prepare() backfills the index and a new application still fails no-outstanding-loan', async () => {
    const { returneeId } = await approvedApplication(h);
    await h.connection.collection('application_borrowers').drop(); // as a deployment from before the index
    await h.loans.prepare();
    const again = await h.as('officer40').post('/applications').send(productionApplication(returneeId));
    expect(again.body.eligibility.failures.map((f: { rule: string }) => f.rule)).toEqual(['no-outstanding-loan']);
  });
});
