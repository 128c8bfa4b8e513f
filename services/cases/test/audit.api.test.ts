import { startCases, type Harness } from './support/cases-harness';

let h: Harness;
let id: string;
const logLines: string[] = [];
beforeAll(async () => {
  h = await startCases({ logDestination: { write: (line: string) => void logLines.push(line) } });
  id = (await h.register()).body.id;
});
afterAll(() => h.close());

const readsOf = async (resource: string) =>
  (await h.cases.ctx.audit.query({ resourceId: resource, limit: 200 })).items.filter((e) => e.action === 'returnee.read');

describe('audit of every file read (Law 91/2025, Decree 356/2025)', () => {
  it('when a file is read three times, then exactly three read entries are added, with who, role, org and purpose, and the chain verifies', async () => {
    const before = (await readsOf(id)).length;
    await h.as('officer40').get(`/returnees/${id}`).expect(200);
    await h.as('officer40').get(`/returnees/${id}`).set('X-Purpose', 'referral').expect(200);
    await h.as('admin').get(`/returnees/${id}`).query({ purpose: 'data-subject-request' }).expect(200);
    const reads = await readsOf(id);
    expect(reads).toHaveLength(before + 3);
    expect(reads.slice(0, 3).map((e) => [e.actor.id, e.actor.role, e.actor.orgId, e.purpose])).toEqual([
      ['admin-1', 'admin', 'org-admin', 'data-subject-request'],
      ['officer-40', 'officer', 'org-police-40', 'referral'],
      ['officer-40', 'officer', 'org-police-40', 'case-management'],
    ]);
    expect(reads[0]!.resource).toEqual({ type: 'returnee', id });
    await expect(h.cases.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('when an officer of another province tries to read, then 404 and no read entry (nothing was read)', async () => {
    const before = (await readsOf(id)).length;
    await h.as('officer01').get(`/returnees/${id}`).expect(404);
    expect(await readsOf(id)).toHaveLength(before);
  });

  it('when the purpose is malformed, then 400 naming the header', async () => {
    const res = await h.as('officer40').get(`/returnees/${id}`).set('X-Purpose', 'Tò mò!');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toMatch(/X-Purpose/i);
  });

  it('when an admin asks GET /audit?resource=, then the entries of that file come back newest first; others get 403', async () => {
    const res = await h.as('admin').get('/audit').query({ resource: id });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['returnee.create', 'returnee.read']));
    const seqs = res.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    expect((await h.as('officer40').get('/audit').query({ resource: id })).status).toBe(403);
    expect((await h.as('admin').get('/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('when a row is altered in the database, then verify names it', async () => {
    await h.connection.collection('audit_log').updateOne({ seq: 2 }, { $set: { purpose: 'curiosity' } });
    expect((await h.as('admin').get('/audit/verify')).body).toMatchObject({ ok: false, seq: 2, reason: 'altered' });
  });
});

describe('request logs', () => {
  it('when an officer searches by name and national ID, then the request line names the path but shows neither (no query string is logged)', async () => {
    await h.as('officer40').get('/returnees').query({ q: 'Nguyễn Văn An', nationalId: '001090012345' }).expect(200);
    const line = logLines.find((l) => l.includes('"method":"GET","path":"/returnees"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ req: { method: 'GET', path: '/returnees' }, res: { statusCode: 200 } });
    for (const needle of ['001090012345', 'Nguy', encodeURIComponent('Nguyễn'), 'Van%20An']) expect(line).not.toContain(needle);
  });
});
