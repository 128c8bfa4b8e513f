import { randomUUID } from 'node:crypto';
import { startCases, exampleReturnee, nextNationalId, type Harness } from './support/cases-harness';

let h: Harness;
beforeAll(async () => {
  h = await startCases();
});
afterAll(() => h.close());

describe('POST /returnees', () => {
  it('when an officer sends ARCHITECTURE §6’s example body as written, then 201 with the file and what is computed from it', async () => {
    const res = await h.as('officer40').post('/returnees').send(exampleReturnee());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/returnees/${res.body.id}`);
    expect(res.body).toMatchObject({
      fullName: 'Nguyễn Văn An',
      status: 'active',
      address: { provinceCode: '40', communeCode: '16681' },
      consent: { matching: true, shareWithEmployers: true, version: '2026-01', recordedBy: 'officer-40' },
      computed: {
        recordClearance: { automatic: true, expectedOn: '2028-09-02', extendedByAdditionalPenalty: true },
        creditWindowEndsOn: '2030-09-01',
        releaseKindEligible: true,
      },
    });
    expect(res.body.possibleDuplicates).toBeUndefined();
  });

  it('when the same national ID is registered again, then 409 RETURNEE.NATIONAL_ID_TAKEN pointing at the existing file', async () => {
    const nationalId = nextNationalId();
    const first = await h.register({ nationalId, fullName: 'Phạm Văn Bình' });
    const again = await h.register({ nationalId, fullName: 'Phạm Văn Bình' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({
      code: 'RETURNEE.NATIONAL_ID_TAKEN',
      existingId: first.body.id,
      errors: [{ field: 'nationalId', rule: 'unique' }],
    });
  });

  it('when two registrations race for one national ID, then one is 201 and the other 409 (the unique index decides)', async () => {
    const nationalId = nextNationalId();
    const results = await Promise.all([1, 2, 3].map(() => h.register({ nationalId, fullName: 'Đỗ Văn Cường' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('when the same name (any accents) and birth date are registered with another ID, then 201 with possibleDuplicates', async () => {
    const first = await h.register({ fullName: 'Trần Thị Mai', dateOfBirth: '1985-03-03' });
    const second = await h.register({ fullName: 'TRAN THI MAI', dateOfBirth: '1985-03-03' });
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicates).toEqual([{ id: first.body.id, provinceCode: '40', communeCode: '16681' }]);
  });

  it('when an Idempotency-Key is repeated, then the first answer comes back and nothing new is created', async () => {
    const body = { ...exampleReturnee(), nationalId: nextNationalId(), fullName: 'Vũ Văn Dũng' };
    const first = await h.as('officer40').post('/returnees').set('Idempotency-Key', 'reg-dung-1').send(body);
    const again = await h.as('officer40').post('/returnees').set('Idempotency-Key', 'reg-dung-1').send(body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const reused = await h
      .as('officer40')
      .post('/returnees')
      .set('Idempotency-Key', 'reg-dung-1')
      .send({ ...body, phone: '0987654321' });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
  });

  it('when retries with the same Idempotency-Key race the first attempt (a client timed out), then every one gets the first answer, none 409', async () => {
    const body = { ...exampleReturnee(), nationalId: nextNationalId(), fullName: 'Đỗ Văn Phúc' };
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => h.as('officer40').post('/returnees').set('Idempotency-Key', 'reg-phuc-race').send(body)),
    );
    expect(attempts.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(attempts.map((a) => a.body.id)).size).toBe(1);
  });

  it('when the schema is broken, then 400 naming each failing field', async () => {
    const res = await h.register({ nationalId: '12345', sentence: { kind: 'prison' }, gender: 'x' });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['nationalId', 'gender', 'sentence.months']));
  });

  it('when a code is not in the reference data or dates are out of order, then 422 naming the field', async () => {
    const res = await h.register({
      address: { provinceCode: '40', communeCode: '00004' },
      skills: ['juggling'],
      restrictions: { bannedOccupations: [{ code: '9999', until: '2024-01-01' }] },
    });
    expect([res.status, res.body.code]).toEqual([422, 'RETURNEE.INVALID']);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([
        'address.communeCode',
        'skills.0',
        'restrictions.bannedOccupations.0.code',
        'restrictions.bannedOccupations.0.until',
      ]),
    );
  });
});

describe('GET /returnees (search)', () => {
  let anId: string;
  beforeAll(async () => {
    anId = (
      await h.register({ fullName: 'Nguyễn Văn Ân', dateOfBirth: '1991-01-01', address: { provinceCode: '40', communeCode: '16690' } })
    ).body.id;
  });

  it('when searching "Nguyen Van An" without diacritics, then "Nguyễn Văn An" is found', async () => {
    const res = await h.as('officer40').get('/returnees').query({ q: 'Nguyen Van An' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Nguyễn Văn Ân']));
  });

  it('when searching with diacritics in NFD form, then the NFC-stored name is found', async () => {
    const res = await h
      .as('officer40')
      .get('/returnees')
      .query({ q: 'Văn Ân'.normalize('NFD') });
    expect(res.body.items.map((r: { id: string }) => r.id)).toContain(anId);
  });

  it('when filtering by commune, national ID or status, then only matching files come back', async () => {
    const byCommune = await h.as('officer40').get('/returnees').query({ communeCode: '16690' });
    expect(byCommune.body.items.map((r: { id: string }) => r.id)).toEqual([anId]);
    const byId = await h.as('officer40').get('/returnees').query({ nationalId: '001090012345' });
    expect(byId.body.items).toHaveLength(1);
    const pending = await h.as('officer40').get('/returnees').query({ status: 'transfer-pending' });
    expect(pending.body.items).toEqual([]);
  });

  it('when paging with limit and cursor, then pages do not overlap and limit above 200 is clamped', async () => {
    const first = await h.as('officer40').get('/returnees').query({ limit: 2 });
    expect(first.body.items).toHaveLength(2);
    const second = await h.as('officer40').get('/returnees').query({ limit: 2, cursor: first.body.nextCursor });
    const ids = [...first.body.items, ...second.body.items].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await h.as('officer40').get('/returnees').query({ limit: 5000 })).status).toBe(200);
    expect((await h.as('officer40').get('/returnees').query({ cursor: 'bogus' })).status).toBe(400);
  });
});

describe('case work on a file', () => {
  let id: string;
  beforeAll(async () => {
    id = (await h.register({ fullName: 'Hoàng Văn Em' })).body.id;
  });

  it('when the officer records reception, information sheet, grades, notes and a mentor, then the file shows them with their history', async () => {
    const officer = h.as('officer40');
    expect(
      (await officer.put(`/returnees/${id}/reception`).send({ meetingOn: '2025-09-05', attendees: ['Công an xã', 'gia đình'] })).status,
    ).toBe(200);
    expect((await officer.put(`/returnees/${id}/information-sheet`).send({ completedOn: '2025-09-06', housing: 'ở với mẹ' })).status).toBe(
      200,
    );
    expect((await officer.post(`/returnees/${id}/grades`).send({ grade: 'B', on: '2025-10-01' })).status).toBe(201);
    expect((await officer.post(`/returnees/${id}/grades`).send({ grade: 'A', reason: 'có việc làm ổn định' })).status).toBe(201);
    expect((await officer.post(`/returnees/${id}/notes`).send({ text: 'Đã gặp tại nhà' })).status).toBe(201);
    expect(
      (await officer.patch(`/returnees/${id}`).send({ mentor: { name: 'Lê Văn Phúc', organisation: 'Hội Cựu chiến binh' } })).status,
    ).toBe(200);
    const file = (await officer.get(`/returnees/${id}`)).body;
    expect(file).toMatchObject({
      grade: 'A',
      reception: { meetingOn: '2025-09-05', recordedBy: 'officer-40' },
      informationSheet: { completedOn: '2025-09-06' },
      mentor: { name: 'Lê Văn Phúc' },
      notes: [{ text: 'Đã gặp tại nhà', recordedBy: 'officer-40' }],
    });
    expect(file.gradeHistory.map((g: { grade: string }) => g.grade)).toEqual(['B', 'A']);
  });

  it('when a milestone is recorded, then 201 and record-cleared shows beside the expected clearance date', async () => {
    const res = await h
      .as('officer40')
      .post(`/returnees/${id}/milestones`)
      .send({ kind: 'record-cleared', on: '2027-09-10', documentNumber: 'LLTP-123' });
    expect(res.status).toBe(201);
    const file = (await h.as('officer40').get(`/returnees/${id}`)).body;
    expect(file.computed.recordClearance).toMatchObject({
      expectedOn: '2028-09-02',
      clearedOn: '2027-09-10',
      certificateNumber: 'LLTP-123',
    });
  });

  it('when a milestone, grade or note is retried with the same Idempotency-Key, then it is recorded once', async () => {
    const officer = h.as('officer40');
    const target = (await h.register({ fullName: 'Lặp Lại' })).body.id;
    const milestone = () =>
      officer.post(`/returnees/${target}/milestones`).set('Idempotency-Key', 'm-1').send({ kind: 'id-card', on: '2025-10-01' });
    const note = () => officer.post(`/returnees/${target}/notes`).set('Idempotency-Key', 'n-1').send({ text: 'một lần' });
    const [m1, m2, n1, n2] = [await milestone(), await milestone(), await note(), await note()];
    expect([m2.body.id, n2.body.id]).toEqual([m1.body.id, n1.body.id]);
    const file = (await officer.get(`/returnees/${target}`)).body;
    expect([file.milestones.length, file.notes.length]).toEqual([1, 1]);
  });

  it('when the commune is changed through PATCH, then 422 RETURNEE.USE_TRANSFER', async () => {
    const res = await h
      .as('officer40')
      .patch(`/returnees/${id}`)
      .send({ address: { provinceCode: '40', communeCode: '16690' } });
    expect([res.status, res.body.code]).toEqual([422, 'RETURNEE.USE_TRANSFER']);
  });

  it('when the national ID is changed to one another file holds, then 409', async () => {
    const res = await h.as('officer40').patch(`/returnees/${id}`).send({ nationalId: '001090012345' });
    expect([res.status, res.body.code]).toEqual([409, 'RETURNEE.NATIONAL_ID_TAKEN']);
  });

  it('when a file is soft-deleted with a reason, then officers get 404 and no search hit, and the admin still sees it with the reason', async () => {
    const doomed = (await h.register({ fullName: 'Xóa Thử Nghiệm' })).body.id;
    expect((await h.as('officer40').delete(`/returnees/${doomed}`)).status).toBe(400);
    expect((await h.as('officer40').delete(`/returnees/${doomed}`).query({ reason: 'đăng ký trùng' })).status).toBe(204);
    expect((await h.as('officer40').get(`/returnees/${doomed}`)).status).toBe(404);
    expect((await h.as('officer40').get('/returnees').query({ q: 'xoa thu' })).body.items).toEqual([]);
    const seen = await h.as('admin').get(`/returnees/${doomed}`);
    expect(seen.body).toMatchObject({ status: 'deleted', deleted: { reason: 'đăng ký trùng', by: 'officer-40' } });
    expect((await h.as('admin').get('/returnees').query({ status: 'deleted' })).body.items.map((r: { id: string }) => r.id)).toContain(
      doomed,
    );
  });

  it('when 12 notes and 3 grades are written to one file at once, then none is lost (one writer per file on FerretDB’s non-atomic updates)', async () => {
    const target = (await h.register({ fullName: 'Đồng Thời' })).body.id;
    const writes = [
      ...Array.from({ length: 12 }, (_, i) =>
        h
          .as(i % 2 ? 'officer40' : 'officer40b')
          .post(`/returnees/${target}/notes`)
          .send({ text: `note ${i}` }),
      ),
      ...(['A', 'D', 'B'] as const).map((grade) => h.as('officer40').post(`/returnees/${target}/grades`).send({ grade })),
    ];
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(15).fill(201));
    const file = (await h.as('officer40').get(`/returnees/${target}`)).body;
    expect(file.notes.map((n: { text: string }) => n.text).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `note ${i}`).sort());
    expect(file.gradeHistory).toHaveLength(3);
  });

  it('when the file does not exist, then 404 RETURNEE.NOT_FOUND', async () => {
    expect((await h.as('officer40').get(`/returnees/${randomUUID()}`)).body.code).toBe('RETURNEE.NOT_FOUND');
  });
});
