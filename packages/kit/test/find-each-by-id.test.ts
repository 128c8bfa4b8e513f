import { findEachById } from '../src';

describe('findEachById', () => {
  it('reads each id once, keeps the order of first mention and leaves out the missing', async () => {
    const reads: string[] = [];
    const stored = new Map([
      ['a', { id: 'a' }],
      ['c', { id: 'c' }],
    ]);
    const found = await findEachById(['c', 'b', 'a', 'c'], async (id) => {
      reads.push(id);
      return stored.get(id) ?? null;
    });
    expect(found).toEqual([{ id: 'c' }, { id: 'a' }]);
    expect(reads.sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps at most 16 reads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`);
    const found = await findEachById(ids, async (id) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return { id };
    });
    expect(found.map((d) => d.id)).toEqual(ids);
    expect(most).toBe(16);
  });

  it('asks nothing for no ids', async () => {
    const findOne = jest.fn();
    await expect(findEachById([], findOne)).resolves.toEqual([]);
    expect(findOne).not.toHaveBeenCalled();
  });
});
