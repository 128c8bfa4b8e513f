import { AppError, clampLimit, decodeCreatedAtCursor, decodeCursor, encodeCursor, pageByCreatedAt } from '../src';

const refusal = (run: () => unknown): AppError | undefined => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  return undefined;
};

describe('pagination', () => {
  it('when a limit is missing, too small or too large, then it is 50, 1 or 200', () => {
    expect([clampLimit(undefined), clampLimit(0), clampLimit(20), clampLimit(100_000)]).toEqual([50, 1, 20, 200]);
  });

  it('when a page has more after it, then its cursor leads back to its last item; the last page has none', () => {
    const items = [
      { id: 'b', createdAt: new Date('2026-12-07T10:00:00.000Z') },
      { id: 'a', createdAt: new Date('2026-12-06T09:30:00.000Z') },
    ];
    const page = pageByCreatedAt(items, true);
    expect(decodeCreatedAtCursor(page.nextCursor!)).toEqual({ createdAt: new Date('2026-12-06T09:30:00.000Z'), id: 'a' });
    expect(pageByCreatedAt(items, false).nextCursor).toBeNull();
    expect(decodeCreatedAtCursor(undefined)).toBeUndefined();
  });

  it('when a cursor is not one the service wrote, then it is a 400 naming the query field, whatever is wrong with it', () => {
    for (const cursor of [
      'garbage!',
      encodeCursor({ createdAt: 1 }),
      encodeCursor(['not a date', 'a']),
      encodeCursor(['2026-12-06T09:30:00.000Z', 7]),
    ]) {
      const error = refusal(() => decodeCreatedAtCursor(cursor));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'REQUEST.CURSOR_INVALID', httpStatus: 400 });
      expect(error!.errors).toEqual([{ field: 'cursor', in: 'query', rule: 'format', message: 'cursor is not one this service returned' }]);
    }
  });

  it('when a service reads its own kind of position, then decodeCursor gives back exactly what encodeCursor wrote', () => {
    const readSortKey = (position: unknown) => (typeof position === 'string' && position.includes('|') ? position : undefined);
    expect(decodeCursor(encodeCursor('2026-12-07T10:00:00.000Z|b'), readSortKey)).toBe('2026-12-07T10:00:00.000Z|b');
    expect(refusal(() => decodeCursor(encodeCursor('no separator'), readSortKey))).toMatchObject({ httpStatus: 400 });
  });
});
