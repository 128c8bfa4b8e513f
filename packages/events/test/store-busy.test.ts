import { mongo } from 'mongoose';
import { isSqliteBusy, retryWhileBusy } from '../src';

// FerretDB 1.24's answer when another connection holds SQLite's write lock
const busy = () => new mongo.MongoServerError({ message: 'database is locked (5) (SQLITE_BUSY)', code: 1, codeName: 'InternalError' });

describe('a write refused with SQLITE_BUSY', () => {
  it('when FerretDB refuses a write twice with SQLITE_BUSY, then it is tried again and the third attempt is the answer', async () => {
    let calls = 0;
    const result = await retryWhileBusy(async () => {
      if (++calls < 3) throw busy();
      return 'written';
    });
    expect([result, calls]).toEqual(['written', 3]);
  });

  it('when the error is anything else (a duplicate key), then it reaches the caller at once', async () => {
    let calls = 0;
    const duplicate = new mongo.MongoServerError({ message: 'E11000 duplicate key error', code: 11000 });
    await expect(
      retryWhileBusy(async () => {
        calls++;
        throw duplicate;
      }),
    ).rejects.toBe(duplicate);
    expect(calls).toBe(1);
  });

  it('when the database stays locked, then it gives up after the given attempts with the busy error', async () => {
    let calls = 0;
    const error = await retryWhileBusy(async () => {
      calls++;
      throw busy();
    }, 3).catch((e: unknown) => e);
    expect(isSqliteBusy(error)).toBe(true);
    expect(calls).toBe(3);
  });
});
