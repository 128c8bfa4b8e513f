/**
 * A growable, unordered list of row numbers in an Int32Array: appends are O(1), a removal swaps the last
 * entry in. Order does not matter because every query scores and ranks what it reads.
 */
export class PostingList {
  items: Int32Array;
  length = 0;

  constructor(initialCapacity = 4) {
    this.items = new Int32Array(initialCapacity);
  }

  add(row: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(Math.max(4, this.items.length * 2));
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = row;
  }

  /** Removes one occurrence of `row`; false when absent. */
  remove(row: number): boolean {
    const items = this.items;
    for (let i = this.length - 1; i >= 0; i--) {
      if (items[i] === row) {
        items[i] = items[--this.length]!;
        return true;
      }
    }
    return false;
  }
}

/** A fixed number of posting lists addressed by an integer key (province id, province × skill, commune). */
export class PostingIndex {
  private readonly lists: (PostingList | undefined)[];

  constructor(readonly size: number) {
    this.lists = new Array<PostingList | undefined>(size);
  }

  /** The list at `key`, or undefined when nothing was ever added there. */
  at(key: number): PostingList | undefined {
    return this.lists[key];
  }

  add(key: number, row: number): void {
    let list = this.lists[key];
    if (!list) this.lists[key] = list = new PostingList();
    list.add(row);
  }

  remove(key: number, row: number): void {
    this.lists[key]?.remove(row);
  }
}
