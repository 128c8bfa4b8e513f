/**
 * A posting list kept in order of a score each row brings with it, best first (equal scores: lower row
 * first): a search that knows the most a row could still score from its key can stop reading a list at
 * the first key that cannot beat its weakest kept answer, since every row after it has a key no higher.
 * Insert and removal shift the tail (lists hold tens of rows, a few hundred at most).
 */
export class RankedList {
  rows: Int32Array;
  keys: Int32Array;
  length = 0;

  constructor(initialCapacity = 4) {
    this.rows = new Int32Array(initialCapacity);
    this.keys = new Int32Array(initialCapacity);
  }

  add(row: number, key: number): void {
    if (this.length === this.rows.length) {
      const capacity = Math.max(4, this.rows.length * 2);
      const rows = new Int32Array(capacity);
      const keys = new Int32Array(capacity);
      rows.set(this.rows);
      keys.set(this.keys);
      this.rows = rows;
      this.keys = keys;
    }
    let at = this.length;
    while (at > 0 && (this.keys[at - 1]! < key || (this.keys[at - 1] === key && this.rows[at - 1]! > row))) at--;
    this.rows.copyWithin(at + 1, at, this.length);
    this.keys.copyWithin(at + 1, at, this.length);
    this.rows[at] = row;
    this.keys[at] = key;
    this.length++;
  }

  /** Removes `row` (whatever its key); false when absent. */
  remove(row: number): boolean {
    const at = this.rows.subarray(0, this.length).indexOf(row);
    if (at < 0) return false;
    this.rows.copyWithin(at, at + 1, this.length);
    this.keys.copyWithin(at, at + 1, this.length);
    this.length--;
    return true;
  }
}

/** A fixed number of ranked lists addressed by an integer key (province × skill × preference variant). */
export class RankedIndex {
  private readonly lists: (RankedList | undefined)[];

  constructor(readonly size: number) {
    this.lists = new Array<RankedList | undefined>(size);
  }

  /** The list at `key`, or undefined when nothing was ever added there. */
  at(key: number): RankedList | undefined {
    return this.lists[key];
  }

  add(key: number, row: number, rank: number): void {
    let list = this.lists[key];
    if (!list) this.lists[key] = list = new RankedList();
    list.add(row, rank);
  }

  remove(key: number, row: number): void {
    this.lists[key]?.remove(row);
  }
}
