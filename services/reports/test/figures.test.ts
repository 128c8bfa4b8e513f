import ExcelJS from 'exceljs';
import { isRead, storeCallsDuring, waitFor } from '@hoanhap/testing';
import { startReports, type Harness } from './support/reports-harness';
import { B, expectedRows, scenarioEvents } from './support/scenario';

const PERIOD = 'from=2026-01-01&to=2026-06-30';
const TABLE_KEYS = ['returnees', 'stableWork', 'seasonalWork', 'inTraining', 'certified', 'loansApproved', 'amountDisbursedVnd', 'recordsCleared'] as const;
const tableOf = (rows: Record<string, unknown>[]) => rows.map((r) => ({ communeCode: r.communeCode ?? null, ...Object.fromEntries(TABLE_KEYS.map((k) => [k, Number(r[k])])) }));

let h: Harness;

beforeAll(async () => {
  h = await startReports({ messaging: true });
  const events = scenarioEvents();
  // registrations last: most events name a returnee by id only, so their commune must be filled in afterwards
  const byRegistrationLast = [...events.filter((e) => e.definition.type !== 'cases.returnee.registered'), ...events.filter((e) => e.definition.type === 'cases.returnee.registered')];
  for (const e of byRegistrationLast) await h.publish(e.definition, e.payload, e.key);
  const expected = expectedRows('40', '2026-01-01', '2026-06-30');
  await waitFor(
    'the figures of province 40 to add up',
    async () => {
      const res = await h.get('admin', `/summary?provinceCode=40&${PERIOD}`);
      // every consumed topic has a figure here, so all of them have been read when this holds
      const b = res.body;
      const others = b.jobs.posted.stable === 2 && b.referrals.job.succeeded === 3 && b.referrals.job.created === 3 && b.jobs.stillEmployed['3'].checked === 1 && b.needsMet.idCard === 1;
      return others && JSON.stringify(tableOf([...b.rows, b.total])) === JSON.stringify([...expected.rows, expected.total]);
    },
    30_000,
    200,
  );
});

afterAll(() => h?.close());

describe('GET /summary', () => {
  it('when the other services publish their events, then the summary equals the figures counted from the people', async () => {
    const res = await h.get('officer40', `/summary?${PERIOD}`).expect(200);
    const expected = expectedRows('40', '2026-01-01', '2026-06-30');
    expect(tableOf(res.body.rows)).toEqual(expected.rows);
    expect(tableOf([res.body.total])).toEqual([expected.total]);
    expect(res.body.returnees).toEqual({
      received: 5,
      byReleaseKind: { completed: 3, amnesty: 1, conditional: 0, suspended: 1, 'non-custodial': 0 },
      transfersIn: 0,
      transfersOut: 0,
      underManagement: 6, // the one received in November 2025 is still under management
    });
    expect(res.body.jobs.hires).toEqual({ stable: 2, seasonal: 1 });
    expect(res.body.jobs.posted).toEqual({ stable: 2, seasonal: 1 });
    expect(res.body.jobs.stillEmployed['3']).toEqual({ checked: 1, stillEmployed: 1 });
    expect(res.body.referrals.job).toMatchObject({ created: 3, succeeded: 3, answered: 3, averageDaysToAnswer: 4 });
    expect(res.body.needsMet).toMatchObject({ idCard: 1, training: 2 });
    expect(res.body.loans.approved).toEqual({ count: 2, amountVnd: 80_000_000 });
    expect(res.body.loans.disbursed).toEqual({ count: 1, amountVnd: 50_000_000 });
    expect(res.body.training).toEqual({ enrolled: 2, completed: 1, certificates: 1, peopleCertified: 1 });
    expect(res.body.gradeStatistics).toBe('see /api/cases/statistics');
  });

  it('when the counters are complete, then a summary reads no fact at all, whatever its period, and counts exactly', async () => {
    const monthly = await storeCallsDuring(h.connection, ['facts'], () => h.get('officer40', `/summary?${PERIOD}`).expect(200));
    expect(monthly.calls.filter(isRead)).toEqual([]);
    const expected = expectedRows('40', '2026-01-01', '2026-06-30');
    expect(tableOf([...monthly.result.body.rows, monthly.result.body.total])).toEqual([...expected.rows, expected.total]);
    const midMonth = await storeCallsDuring(h.connection, ['facts'], () => h.get('officer40', '/summary?from=2026-02-10&to=2026-06-30').expect(200));
    expect(midMonth.calls.filter(isRead)).toEqual([]);
    const fromTenth = expectedRows('40', '2026-02-10', '2026-06-30');
    expect(tableOf([...midMonth.result.body.rows, midMonth.result.body.total])).toEqual([...fromTenth.rows, fromTenth.total]);
    expect(fromTenth.total.returnees).toBeLessThan(expected.total.returnees);
    expect(midMonth.result.body.returnees.underManagement).toBe(monthly.result.body.returnees.underManagement);
  });

  it('when Redis loses the counters, then the summary is counted from the facts (one aggregate, same figures) until a rebuild has counted them again', async () => {
    const before = (await h.get('admin', `/summary?${PERIOD}`).expect(200)).body;
    await h.loseCounters();
    const monthly = await storeCallsDuring(h.connection, ['facts'], () => h.get('admin', `/summary?${PERIOD}`).expect(200));
    expect(monthly.calls.filter((c) => c.method.startsWith('aggregate'))).toHaveLength(1);
    expect(monthly.result.body).toEqual(before);
    await h.reports.ctx.store.facts.countersRebuilt();
    const rebuilt = await storeCallsDuring(h.connection, ['facts'], () => h.get('admin', `/summary?${PERIOD}`).expect(200));
    expect(rebuilt.calls.filter(isRead)).toEqual([]);
    expect(rebuilt.result.body).toEqual(before);
  });

  it('when one commune and one month are asked, then only their figures are counted', async () => {
    const res = await h.get('officer40', `/summary?provinceCode=40&communeCode=${B}&from=2026-05&to=2026-05`).expect(200);
    const expected = expectedRows('40', '2026-05-01', '2026-05-31');
    const communeB = expected.rows.find((r) => r.communeCode === B)!;
    expect(communeB.returnees + communeB.loansApproved + communeB.stableWork).toBeGreaterThan(0);
    expect(tableOf([res.body.total])).toEqual([{ ...communeB, communeCode: null }]);
    expect(tableOf(res.body.rows)).toEqual([communeB]);
    expect(res.body.period).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });

  it('when the period spans months, then each month has its own row that equals the count for that month', async () => {
    const res = await h.get('officer40', `/summary?${PERIOD}`).expect(200);
    const months = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const expected = months.map((m) => ({ ...expectedRows('40', `${m}-01`, `${m}-31`).total, month: m }));
    expect(res.body.months.map((r: Record<string, unknown>) => ({ ...tableOf([r])[0], month: r.month }))).toEqual(expected);
    // six under management, one with an id card: five may still need one
    expect(res.body.needsOpen.idCard).toBe(5);
  });

  it('when an admin leaves the province out, then the whole country is counted', async () => {
    const res = await h.get('admin', `/summary?${PERIOD}`).expect(200);
    expect(res.body.total.returnees).toBe(5 + expectedRows('01', '2026-01-01', '2026-06-30').total.returnees);
  });
});

describe('GET /export', () => {
  it('when exported as CSV, then the file read back (BOM, Vietnamese then English header) equals the summary', async () => {
    const summary = (await h.get('officer40', `/summary?${PERIOD}`).expect(200)).body;
    const res = await h.get('officer40', `/export?format=csv&provinceCode=40&${PERIOD}`).buffer(true).parse(textParser).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [vi, en, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(vi).toContain('Có việc làm ổn định');
    expect(en).toContain('In stable work');
    const read = lines.map((line) => line.split(','));
    expect(read.map((cells) => [cells[0] || null, ...cells.slice(2).map(Number)])).toEqual(
      [...summary.rows, summary.total].map((r: Record<string, unknown>) => [r.communeCode, ...TABLE_KEYS.map((k) => r[k])]),
    );
    expect(read.at(-1)![1]).toMatch(/^Tổng \/ Total/);
  });

  it('when exported as XLSX, then the workbook read back equals the summary', async () => {
    const summary = (await h.get('admin', `/summary?provinceCode=40&${PERIOD}`).expect(200)).body;
    const res = await h.get('admin', `/export?format=xlsx&provinceCode=40&${PERIOD}`).buffer(true).parse(binaryParser).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Có việc làm ổn định');
    expect(sheet.getRow(2).getCell(4).value).toBe('In stable work');
    const read: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) read.push([row.getCell(1).value || null, ...TABLE_KEYS.map((_k, i) => row.getCell(i + 3).value)]);
    });
    expect(read).toEqual([...summary.rows, summary.total].map((r: Record<string, unknown>) => [r.communeCode, ...TABLE_KEYS.map((k) => r[k])]));
  });
});

type Parser = Parameters<import('supertest').Test['parse']>[0];
const collect = (res: NodeJS.ReadableStream, done: (chunks: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(Buffer.concat(chunks)));
};
const textParser: Parser = (res, callback) => collect(res as unknown as NodeJS.ReadableStream, (b) => callback(null, b.toString('utf8')));
const binaryParser: Parser = (res, callback) => collect(res as unknown as NodeJS.ReadableStream, (b) => callback(null, b));
