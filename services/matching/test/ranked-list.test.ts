import { RankedList } from '../src/domain/indexes/ranked-list';
import { Prng } from '../src/synthetic/prng';

describe('a ranked posting list (ranked-list.ts)', () => {
  it('when 2,000 rows are added and half removed in random order, then the list holds exactly the rest, best key first, equal keys by row', () => {
    const g = new Prng(7);
    const list = new RankedList();
    const held = new Map<number, number>();
    for (let row = 0; row < 2_000; row++) {
      // few distinct keys: many ties, negative keys too
      const key = g.int(50) - 10;
      list.add(row, key);
      held.set(row, key);
    }
    for (const row of [...held.keys()].filter(() => g.chance(0.5))) {
      expect(list.remove(row)).toBe(true);
      held.delete(row);
    }
    expect(list.remove(5_000)).toBe(false);
    const expected = [...held].sort(([ra, ka], [rb, kb]) => kb - ka || ra - rb);
    expect(list.length).toBe(expected.length);
    expect(Array.from(list.rows.subarray(0, list.length))).toEqual(expected.map(([row]) => row));
    expect(Array.from(list.keys.subarray(0, list.length))).toEqual(expected.map(([, key]) => key));
  });
});
