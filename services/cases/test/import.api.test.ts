import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { recoverImports } from '../src/domain/import-returnees.use-case';
import { newReturnee, type NewReturnee } from '../src/domain/register-returnee.use-case';
import { IMPORT_COLUMNS } from '../src/import/import-columns';
import { exampleReturnee, nextNationalId, startCases, type Harness } from './support/cases-harness';

let h: Harness;
beforeAll(async () => {
  h = await startCases();
});
afterAll(() => h.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, string | number | Date>;

const row = (fullName: string, extra: Row = {}): Row => ({
  fullName,
  dateOfBirth: '1988-07-07',
  gender: 'male',
  nationalId: nextNationalId(),
  phone: '0911222333',
  provinceCode: '40',
  communeCode: '16681',
  releaseDate: '2025-06-01',
  releaseKind: 'completed',
  sentenceKind: 'prison',
  sentenceMonths: '24',
  offenceCategory: 'theft',
  bannedAreas: '01:2027-06-01',
  skills: 'welding; masonry',
  needs: 'job; id-card',
  consentMatching: 'yes',
  consentShareWithEmployers: 'có',
  ...extra,
});

async function workbook(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Returnees');
  sheet.addRow(IMPORT_COLUMNS.map(([key]) => key));
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map(([key]) => r[key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = async (rows: Row[]) =>
  h
    .as('officer40')
    .post('/returnees/import')
    .set('content-type', XLSX)
    .send(await workbook(rows));
const found = async (q: string) =>
  (await h.as('officer40').get('/returnees').query({ q })).body.items as { id: string; fullName: string }[];

describe('XLSX import (all or nothing)', () => {
  it('when the template is downloaded, then it is an XLSX workbook whose header row is the import columns', async () => {
    const res = await h
      .as('officer40')
      .get('/returnees/import-template')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    expect((book.getWorksheet('Returnees')!.getRow(1).values as string[]).slice(1)).toEqual(IMPORT_COLUMNS.map(([k]) => k));
  });

  it('when every row is valid, then 201 and every file exists, with its consent and restrictions (leading zeros of numeric cells kept)', async () => {
    const res = await upload([
      row('Nhập Khẩu Một'),
      row('Nhập Khẩu Hai', { nationalId: 40091234567, provinceCode: 40, releaseDate: new Date(Date.UTC(2025, 5, 2)) }),
      row('Nhập Khẩu Ba'),
    ]);
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(3);
    expect(res.body.rows.map((r: { row: number; ok: boolean }) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    const two = (await h.as('officer40').get(`/returnees/${res.body.rows[1].id}`)).body;
    expect(two).toMatchObject({
      nationalId: '040091234567',
      releaseDate: '2025-06-02',
      consent: { matching: true, shareWithEmployers: true, shareWithBank: false },
    });
    expect(two.restrictions.bannedAreas).toEqual([{ provinceCode: '01', until: '2027-06-01' }]);
    expect(await found('nhap khau')).toHaveLength(3);
  });

  it('when one row is invalid, then 422 naming that row and field, and no row at all is imported', async () => {
    const res = await upload([row('Lô Lỗi Một'), row('Lô Lỗi Hai', { communeCode: '00004', sentenceMonths: '' }), row('Lô Lỗi Ba')]);
    expect([res.status, res.body.code, res.body.imported]).toEqual([422, 'IMPORT.INVALID', 0]);
    const bad = res.body.rows.find((r: { row: number }) => r.row === 3);
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['sentence.months']));
    expect(res.body.rows.filter((r: { ok: boolean }) => r.ok)).toHaveLength(2);
    expect(await found('lo loi')).toEqual([]);
  });

  it('when a national ID repeats in the file or is already registered, then those rows fail and nothing is imported', async () => {
    const taken = (await h.register({ fullName: 'Đã Có Sẵn' })).body.nationalId as string;
    const twice = nextNationalId();
    const res = await upload([
      row('Trùng Một', { nationalId: twice }),
      row('Trùng Hai', { nationalId: twice }),
      row('Trùng Ba', { nationalId: taken }),
    ]);
    expect(res.status).toBe(422);
    expect(res.body.rows.map((r: { errors?: { rule: string }[] }) => r.errors?.[0]?.rule ?? null)).toEqual([
      null,
      'unique-in-file',
      'unique',
    ]);
    expect(await found('trung')).toEqual([]);
  });

  it('when storing fails part-way, then what was stored is removed, the report says so, and nothing is imported', async () => {
    const repository = h.cases.ctx.returnees;
    const realInsert = repository.insert;
    let calls = 0;
    repository.insert = async (...args) => {
      if (++calls === 3) throw new Error('disk full (injected)');
      return realInsert(...args);
    };
    try {
      const res = await upload([row('Hỏng Giữa Một'), row('Hỏng Giữa Hai'), row('Hỏng Giữa Ba'), row('Hỏng Giữa Bốn')]);
      expect([res.status, res.body.code, res.body.imported]).toEqual([500, 'IMPORT.FAILED', 0]);
      expect(res.body.rows.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false, false]);
    } finally {
      repository.insert = realInsert;
    }
    expect(await found('hong giua')).toEqual([]);
    expect(await h.cases.ctx.returnees.pendingImports()).toEqual([]);
  });

  it('when the workbook comes as multipart field "file", then it is imported the same way', async () => {
    const res = await h
      .as('officer40')
      .post('/returnees/import')
      .attach('file', await workbook([row('Đa Phần Một')]), 'returnees.xlsx');
    expect([res.status, res.body.imported]).toEqual([201, 1]);
  });

  it('when the body is not a workbook, then 400 IMPORT.UNREADABLE', async () => {
    const res = await h.as('officer40').post('/returnees/import').set('content-type', XLSX).send(Buffer.from('hello'));
    expect([res.status, res.body.code]).toEqual([400, 'IMPORT.UNREADABLE']);
  });

  it('when an import died after its commit point, then recovery at boot makes its files visible; one that died before it is removed', async () => {
    const actor = { id: 'officer-40', role: 'officer', provinceCode: '40', correlationId: 'test' };
    const committed = randomUUID();
    const abandoned = randomUUID();
    const a = newReturnee(h.cases.ctx, actor, randomUUID(), {
      ...(exampleReturnee() as unknown as NewReturnee),
      nationalId: nextNationalId(),
      fullName: 'Phục Hồi Xong',
    });
    const b = newReturnee(h.cases.ctx, actor, randomUUID(), {
      ...(exampleReturnee() as unknown as NewReturnee),
      nationalId: nextNationalId(),
      fullName: 'Phục Hồi Bỏ',
    });
    await h.cases.ctx.returnees.insert(a, [], actor, { pendingImport: committed });
    await h.cases.ctx.returnees.insert(b, [], actor, { pendingImport: abandoned });
    await h.cases.ctx.imports.commitPoint(committed, [a.id]);
    expect(await found('phuc hoi')).toEqual([]);
    await recoverImports(h.cases.ctx, actor, 0);
    expect((await found('phuc hoi')).map((r) => r.fullName)).toEqual(['Phục Hồi Xong']);
    expect(await h.cases.ctx.returnees.pendingImports()).toEqual([]);
  });
});
