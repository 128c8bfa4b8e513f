import { isRead, storeCallsDuring } from '@hoanhap/testing';
import { startCases, type Harness } from './support/cases-harness';

let h: Harness;
beforeAll(async () => {
  h = await startCases();
});
afterAll(() => h.close());

describe('transfer to another province', () => {
  it('when the old officer asks and the receiving officer accepts, then the file moves; the old officer keeps read access to what they recorded, nothing more', async () => {
    const id = (await h.register({ fullName: 'Bùi Văn Giang', address: { provinceCode: '40', communeCode: '16681', line: 'Khối 3' } })).body
      .id as string;
    await h.as('officer40').post(`/returnees/${id}/notes`).send({ text: 'ghi chú của cán bộ cũ' }).expect(201);
    await h.as('officer40b').post(`/returnees/${id}/notes`).send({ text: 'ghi chú của đồng nghiệp' }).expect(201);

    const asked = await h.as('officer40').post(`/returnees/${id}/transfer`).send({ provinceCode: '01', communeCode: '00004' });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      status: 'transfer-pending',
      transfer: { from: { provinceCode: '40' }, to: { provinceCode: '01', communeCode: '00004' } },
    });
    expect((await h.as('officer40').post(`/returnees/${id}/transfer`).send({ provinceCode: '01', communeCode: '00008' })).status).toBe(409);

    const incoming = await h.as('officer01').get('/transfers/incoming');
    expect(incoming.body.items).toEqual([expect.objectContaining({ returneeId: id, fullName: 'Bùi Văn Giang' })]);
    expect((await h.as('officer01').get(`/returnees/${id}`)).status).toBe(404);
    expect((await h.as('officer40').post(`/returnees/${id}/transfer/accept`)).status).toBe(403);

    const accepted = await h.as('officer01').post(`/returnees/${id}/transfer/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', address: { provinceCode: '01', communeCode: '00004' } });
    await h.as('officer01').post(`/returnees/${id}/notes`).send({ text: 'ghi chú của tỉnh mới' }).expect(201);

    const now = (await h.as('officer01').get(`/returnees/${id}`)).body;
    expect(now.notes).toHaveLength(3);
    const old = await h.as('officer40').get(`/returnees/${id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ id, access: 'recorded-only', fullName: 'Bùi Văn Giang' });
    expect(old.body.notes.map((n: { text: string }) => n.text)).toEqual(['ghi chú của cán bộ cũ']);
    for (const hidden of ['address', 'phone', 'grade', 'offenceCategory', 'sentence', 'restrictions', 'consent', 'computed'])
      expect(old.body).not.toHaveProperty(hidden);
    expect((await h.as('officer40').patch(`/returnees/${id}`).send({ phone: '0900000001' })).status).toBe(404);
    const colleague = await h.as('officer40b').get(`/returnees/${id}`);
    expect(colleague.body).not.toHaveProperty('fullName');
    expect(colleague.body.notes.map((n: { text: string }) => n.text)).toEqual(['ghi chú của đồng nghiệp']);
  });

  it('when the target commune is not in the province or is the current one, then 422', async () => {
    const id = (await h.register()).body.id as string;
    expect((await h.as('officer40').post(`/returnees/${id}/transfer`).send({ provinceCode: '01', communeCode: '16681' })).status).toBe(422);
    expect((await h.as('officer40').post(`/returnees/${id}/transfer`).send({ provinceCode: '40', communeCode: '16681' })).body.code).toBe(
      'TRANSFER.SAME_ADDRESS',
    );
  });

  it('when there is no pending transfer, then accepting is 409', async () => {
    const id = (await h.register()).body.id as string;
    expect((await h.as('officer40').post(`/returnees/${id}/transfer/accept`)).body.code).toBe('TRANSFER.NONE_PENDING');
  });
});

describe('statistics that need grades (GET /statistics)', () => {
  it('when files are graded in a province, then counts by grade and re-offending (grade D) come back for its officer', async () => {
    const h2 = h.as('officer40');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await h.register({ fullName: `Thống Kê ${i}` })).body.id);
    await h2.post(`/returnees/${ids[0]}/grades`).send({ grade: 'A' }).expect(201);
    await h2.post(`/returnees/${ids[1]}/grades`).send({ grade: 'D', reason: 'bị tạm giam' }).expect(201);
    await h2.post(`/returnees/${ids[2]}/grades`).send({ grade: 'D' }).expect(201);
    await h2.post(`/returnees/${ids[3]}/milestones`).send({ kind: 'job-started', on: '2026-01-10' }).expect(201);
    // one read of the files and one of the referrals: each count would decode a whole collection on FerretDB 1.x
    const { result: before, calls } = await storeCallsDuring(h.connection, ['returnees', 'referrals'], () =>
      h2.get('/statistics').query({ provinceCode: '40' }),
    );
    expect(before.status).toBe(200);
    expect(
      calls
        .filter(isRead)
        .map((c) => c.collection)
        .sort(),
    ).toEqual(['referrals', 'returnees']);
    const s = before.body;
    expect(s.returnees.total).toBe(s.returnees.active + s.returnees.transferPending);
    expect(s.byGrade.D).toBeGreaterThanOrEqual(2);
    expect(s.reoffending.count).toBe(s.byGrade.D);
    expect(s.reoffending.rate).toBeCloseTo(s.byGrade.D / s.returnees.total, 2);
    expect(s.milestones['job-started']).toBeGreaterThanOrEqual(1);
    expect(s.byGrade.A + s.byGrade.B + s.byGrade.C + s.byGrade.D + s.byGrade.ungraded).toBe(s.returnees.total);
    await h2.post(`/returnees/${ids[0]}/grades`).send({ grade: 'D' }).expect(201);
    expect((await h2.get('/statistics').query({ provinceCode: '40' })).body.byGrade.D).toBe(s.byGrade.D + 1);
    expect((await h.as('officer01').get('/statistics').query({ provinceCode: '40' })).status).toBe(403);
  });
});

describe('statistics by offence category (GET /statistics; offences never leave cases, ARCHITECTURE §2)', () => {
  it('when files are recorded with offence categories, then their counts per category come back to the officer only, and deleted files are not counted', async () => {
    const officer = h.as('officer40');
    const ids: string[] = [];
    for (const [i, offenceCategory] of ['theft', 'theft', 'gambling'].entries())
      ids.push((await h.register({ fullName: `Phạm Tội Danh ${i}`, offenceCategory })).body.id);
    const before = (await officer.get('/statistics').query({ provinceCode: '40' })).body;
    expect(before.byOffence.theft).toBeGreaterThanOrEqual(2);
    expect(before.byOffence.gambling).toBeGreaterThanOrEqual(1);
    expect(Object.values(before.byOffence).every((n) => typeof n === 'number' && n > 0)).toBe(true);
    await officer.delete(`/returnees/${ids[2]}`).query({ reason: 'nhập nhầm' }).expect(204);
    const after = (await officer.get('/statistics').query({ provinceCode: '40' })).body;
    expect(after.byOffence.gambling ?? 0).toBe(before.byOffence.gambling - 1);
    for (const caller of ['employer', 'college', 'bank'] as const)
      expect((await h.as(caller).get('/statistics').query({ provinceCode: '40' })).status).toBe(403);
  });
});

describe('referral notes', () => {
  it('when a referral note holds the full name or national ID, then 422 REFERRAL.NOTE_IDENTIFIES', async () => {
    const id = (await h.register({ fullName: 'Lý Văn Hải', nationalId: '040091112223' })).body.id as string;
    const refer = (note: string) =>
      h
        .as('officer40')
        .post('/referrals')
        .send({ returneeId: id, target: { kind: 'job', id: 'j-1' }, note });
    expect((await refer('Anh Ly Van Hai rất chăm chỉ')).body.code).toBe('REFERRAL.NOTE_IDENTIFIES');
    expect((await refer('CCCD 040091112223')).body.code).toBe('REFERRAL.NOTE_IDENTIFIES');
    expect((await refer('rất chăm chỉ, biết hàn')).status).toBe(201);
  });

  it('when a referral is retried with the same Idempotency-Key, then one referral exists', async () => {
    const id = (await h.register()).body.id as string;
    const send = () =>
      h
        .as('officer40')
        .post('/referrals')
        .set('Idempotency-Key', 'ref-1')
        .send({ returneeId: id, target: { kind: 'course', id: 'c-1' } });
    const [a, b] = [await send(), await send()];
    expect(b.body.id).toBe(a.body.id);
    expect((await h.as('officer40').get('/referrals').query({ returneeId: id })).body.items).toHaveLength(1);
  });
});
