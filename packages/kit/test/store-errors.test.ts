import express from 'express';
import request from 'supertest';
import { mongo } from 'mongoose';
import {
  AppError,
  classifyError,
  createOnce,
  errorHandler,
  ignoreDuplicate,
  ignoreMissingCollection,
  isDuplicateKey,
  isStoreBusy,
  isStoreUnavailable,
  lockErrorAsBusy,
} from '../src';

// what FerretDB's SQLite backend answers when another writer holds the file (measured on 1.24)
const sqliteBusy = () =>
  new mongo.MongoServerError({ message: 'database is locked (5) (SQLITE_BUSY)', code: 1, codeName: 'InternalError' });

describe('duplicate keys', () => {
  const bulk = (...codes: number[]) =>
    Object.assign(new Error('bulk write failed'), { code: codes[0], writeErrors: codes.map((code) => ({ code })) });

  it('when one insert or every document of a bulk insert is refused as a duplicate, then it is a duplicate', () => {
    expect(isDuplicateKey(Object.assign(new Error('E11000'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKey(bulk(11000, 11000))).toBe(true);
    expect(() => ignoreDuplicate(bulk(11000, 11000))).not.toThrow();
  });

  it('when a bulk insert also failed for another reason, or the error is another, then it is not, and ignoreDuplicate throws it', () => {
    expect(isDuplicateKey(bulk(11000, 121))).toBe(false);
    expect(isDuplicateKey(bulk(121, 11000))).toBe(false);
    expect(isDuplicateKey(new Error('timeout'))).toBe(false);
    expect(() => ignoreDuplicate(bulk(11000, 121))).toThrow('bulk write failed');
  });
});

describe('dropping a collection', () => {
  it('when the collection was never created, then the drop is done; any other refusal is thrown', () => {
    const missing = new mongo.MongoServerError({ message: 'ns not found', code: 26, codeName: 'NamespaceNotFound' });
    expect(() => ignoreMissingCollection(missing)).not.toThrow();
    expect(() => ignoreMissingCollection(sqliteBusy())).toThrow('database is locked');
    expect(() => ignoreMissingCollection(undefined)).toThrow();
  });
});

describe('database errors that mean "not now"', () => {
  it('when FerretDB answers SQLITE_BUSY, then it is classified 503 STORE.BUSY with Retry-After, retryable, not a crash', () => {
    expect(isStoreBusy(sqliteBusy())).toBe(true);
    const classified = classifyError(sqliteBusy());
    expect(classified).toMatchObject({ retryable: true, unexpected: false, headers: { 'Retry-After': '1' } });
    expect(classified.problem).toMatchObject({ status: 503, code: 'STORE.BUSY' });
    expect(JSON.stringify(classified.problem)).not.toContain('SQLITE');
  });

  it('when the busy error is wrapped as the cause of another, then it is still recognised', () => {
    expect(isStoreBusy(new Error('write failed', { cause: sqliteBusy() }))).toBe(true);
  });

  it('when another server error or a plain error carries no lock message, then it stays a 500', () => {
    const other = new mongo.MongoServerError({ message: 'E11000 duplicate key', code: 11000 });
    expect(isStoreBusy(other)).toBe(false);
    expect(classifyError(new Error('database is locked')).problem.status).toBe(500);
  });

  it('when FerretDB cannot be reached (killed, restarting), then 503 STORE.UNAVAILABLE with Retry-After', () => {
    const down = new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    expect(isStoreUnavailable(down)).toBe(true);
    expect(classifyError(down)).toMatchObject({
      retryable: true,
      problem: { status: 503, code: 'STORE.UNAVAILABLE' },
      headers: { 'Retry-After': '2' },
    });
  });

  it('when a route fails with SQLITE_BUSY, then the client gets 503 problem+json with Retry-After', async () => {
    const app = express();
    app.post('/jobs', () => {
      throw sqliteBusy();
    });
    app.use(errorHandler());
    const res = await request(app).post('/jobs').send({});
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.code).toBe('STORE.BUSY');
  });
});

describe('createOnce under SQLITE_BUSY', () => {
  it('when the insert is refused with SQLITE_BUSY once, then it is tried again and the resource is created once', async () => {
    const inserted: unknown[] = [];
    let refused = 0;
    const result = await createOnce({
      resource: 'job',
      scope: 'org-1',
      key: 'busy-1',
      request: { title: 'Thợ hàn' },
      build: (id) => ({ document: { _id: id }, reply: { status: 201, body: { id } } }),
      insert: async (document) => {
        if (refused++ === 0) throw sqliteBusy();
        inserted.push(document);
      },
      findRecord: async () => null,
    });
    expect(result).toMatchObject({ status: 201, replayed: false });
    expect(inserted).toHaveLength(1);
  });
});

describe('lockErrorAsBusy: the aggregate store lock errors as 503 SERVICE.BUSY', () => {
  it('when the store says the aggregate stayed locked or the lock expired, then 503 with Retry-After, the store error its cause', () => {
    for (const code of ['EVENTS.AGGREGATE_BUSY', 'EVENTS.LOCK_EXPIRED']) {
      const original = Object.assign(new Error('locked'), { code });
      const busy = lockErrorAsBusy(original);
      expect(busy).toBeInstanceOf(AppError);
      expect(busy).toMatchObject({
        code: 'SERVICE.BUSY',
        httpStatus: 503,
        headers: { 'Retry-After': '1' },
        retryable: true,
        cause: original,
      });
    }
  });

  it('when the error is anything else, then it is returned as it is', () => {
    const other = Object.assign(new Error('duplicate'), { code: 11000 });
    expect(lockErrorAsBusy(other)).toBe(other);
    expect(lockErrorAsBusy(undefined)).toBeUndefined();
  });
});
