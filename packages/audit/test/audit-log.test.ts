import mongoose, { type Connection } from 'mongoose';
import { byIdOnly, storeCallsDuring, testNamespace, type StoreCall } from '@hoanhap/testing';
import { type AuditEntry, type AuditInput, createAuditLog, GENESIS_HASH, hashEntry } from '../src';

const ns = testNamespace();
let connection: Connection;

const access = (i: number, overrides: Partial<AuditInput> = {}): AuditInput => ({
  actor: { id: `officer-${i % 3}`, role: 'officer', orgId: 'org-police-40' },
  action: 'returnee.read',
  resource: { type: 'returnee', id: `r-${i % 5}` },
  purpose: 'case-management',
  correlationId: `corr-${i}`,
  details: { fields: ['nationalId', 'offenceCategory'], page: i },
  ...overrides,
});

async function freshLog(collection: string, rows = 0) {
  const log = createAuditLog(connection, { collection });
  await log.init();
  for (let i = 0; i < rows; i++) await log.append(access(i));
  return log;
}

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUri).asPromise();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('audit log: append-only hash chain on FerretDB', () => {
  it('when 100 appends race from four writers, then the chain is gapless and verifies', async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, () => freshLog('race')));
    const entries = await Promise.all(Array.from({ length: 100 }, (_, i) => writers[i % 4]!.append(access(i))));

    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const stored = await connection.collection('race').find().sort({ seq: 1 }).toArray();
    expect(stored).toHaveLength(100);
    stored.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? '0'.repeat(64) : stored[i - 1]!.hash));
    await expect(writers[0]!.verify()).resolves.toEqual({ ok: true, count: 100, head: { seq: 100, hash: stored[99]!.hash } });
  });

  it('when a row is altered in the database, then verify fails and names that row', async () => {
    const log = await freshLog('altered', 10);
    await connection.collection('altered').updateOne({ seq: 4 }, { $set: { purpose: 'curiosity' } });
    await expect(log.verify()).resolves.toMatchObject({ ok: false, seq: 4, reason: 'altered' });
  });

  it('when a row is altered and re-hashed, then verify names the break at the next row', async () => {
    const log = await freshLog('rehashed', 10);
    const rows = connection.collection('rehashed');
    await rows.updateOne({ seq: 6 }, { $set: { 'actor.id': 'someone-else', hash: 'f'.repeat(64) } });
    await expect(log.verify()).resolves.toMatchObject({ ok: false, seq: 6, reason: 'altered' });
    const row = (await rows.findOne({ seq: 6 })) as unknown as AuditEntry;
    await rows.updateOne({ seq: 6 }, { $set: { hash: hashEntry(row) } });
    await expect(log.verify()).resolves.toMatchObject({ ok: false, seq: 7, reason: 'broken-link' });
  });

  it('when a row is deleted, then verify names the missing row', async () => {
    const log = await freshLog('deleted', 10);
    await connection.collection('deleted').deleteOne({ seq: 3 });
    await expect(log.verify()).resolves.toMatchObject({ ok: false, seq: 3, reason: 'missing' });
  });

  it('when the last rows are deleted, then verify against the recorded head reports the truncation', async () => {
    const log = await freshLog('truncated', 5);
    const result = await log.verify();
    if (!result.ok || !result.head) throw new Error('expected a valid chain');
    await connection.collection('truncated').deleteMany({ seq: { $gte: 4 } });
    await expect(log.verify()).resolves.toMatchObject({ ok: true, count: 3 });
    await expect(log.verify({ expectedHead: result.head })).resolves.toMatchObject({ ok: false, seq: 4, reason: 'truncated' });
  });

  it('when queried by resource, actor and time range, then matching rows come newest first in pages', async () => {
    const log = await freshLog('query');
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 30; i++) await log.append(access(i, { at: new Date(start + i * 60_000) }));

    const byResource = await log.query({ resourceType: 'returnee', resourceId: 'r-1' });
    expect(byResource.items.map((e) => e.details?.page)).toEqual([26, 21, 16, 11, 6, 1]);
    const byActor = await log.query({ actorId: 'officer-2', from: new Date(start + 10 * 60_000), to: new Date(start + 20 * 60_000) });
    expect(byActor.items.map((e) => e.details?.page)).toEqual([17, 14, 11]);

    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await log.query({ limit: 12, cursor });
      pages.push(page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([12, 12, 6]);
    expect(pages.flat()).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    await expect(log.query({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'AUDIT.CURSOR_INVALID', httpStatus: 400 });
  });
});

describe('audit log: an append reads by _id only (FerretDB 1.x reads the whole collection for any other filter)', () => {
  it.each([1, 2, 3, 37, 64, 65])(
    'when a new writer starts on a chain of %i rows, then its first row follows the last one',
    async (rows) => {
      const collection = `resume-${rows}`;
      await freshLog(collection, rows);
      const later = await freshLog(collection);

      const entry = await later.append(access(rows));

      const last = await connection.collection(collection).findOne({ seq: rows });
      expect(entry).toMatchObject({ seq: rows + 1, prevHash: last!.hash });
      await expect(later.verify()).resolves.toMatchObject({ ok: true, count: rows + 1 });
    },
  );

  it('when another writer appended many rows since, then the next append follows all of them', async () => {
    const [a, b] = [await freshLog('moved'), await freshLog('moved')];
    await a!.append(access(0));
    for (let i = 1; i <= 70; i++) await b!.append(access(i));

    await expect(a!.append(access(71))).resolves.toMatchObject({ seq: 72 });
    await expect(a!.verify()).resolves.toMatchObject({ ok: true, count: 72 });
  });

  it("when rows are stored, then each is keyed by its position, and a writer's appends filter only by that key", async () => {
    await freshLog('keyed', 40);
    const finds = (calls: StoreCall[]) => calls.filter((c) => c.method.startsWith('find')).map((c) => c.filter);
    const first = await storeCallsDuring(connection, ['keyed'], async () => {
      const later = await freshLog('keyed');
      await later.append(access(40));
      return later;
    });
    // the writer keeps the head it wrote: once started, an append reads nothing
    const next = await storeCallsDuring(connection, ['keyed'], async () => {
      for (let i = 41; i < 45; i++) await first.result.append(access(i));
    });

    expect(finds(first.calls).length).toBeGreaterThan(0);
    expect(finds(first.calls).every(byIdOnly)).toBe(true);
    expect(finds(next.calls)).toEqual([]);
    const stored = await connection
      .collection('keyed')
      .find({}, { projection: { seq: 1 } })
      .toArray();
    expect(stored.map((row) => row._id).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
  });

  it('when the chain began before rows were keyed by position, then appends continue it and it verifies', async () => {
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 5; seq++) {
      const row = { ...access(seq), at: new Date(), seq, prevHash };
      prevHash = hashEntry(row);
      await connection.collection('legacy').insertOne({ ...row, hash: prevHash });
    }

    const log = await freshLog('legacy');
    await expect(log.append(access(6))).resolves.toMatchObject({ seq: 6, prevHash });
    await log.append(access(7));
    await expect((await freshLog('legacy')).append(access(8))).resolves.toMatchObject({ seq: 8 });
    await expect(log.append(access(9))).resolves.toMatchObject({ seq: 9 });
    await expect(log.verify()).resolves.toMatchObject({ ok: true, count: 9 });
  });
});
