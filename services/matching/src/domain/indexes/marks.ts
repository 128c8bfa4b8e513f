/**
 * "Seen in this query" marks without clearing: a row is marked when marks[row] equals the current
 * generation, so starting a query costs one increment instead of a fill over 250,000 rows. Queries run
 * one at a time on the event loop, so one instance per table is enough.
 */
export class Marks {
  private marks = new Uint32Array(0);
  private generation = 0;

  /** Starts a query over `rows` rows. */
  begin(rows: number): void {
    if (rows > this.marks.length) {
      const bigger = new Uint32Array(Math.max(rows, this.marks.length * 2));
      bigger.set(this.marks);
      this.marks = bigger;
    }
    if (++this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
  }

  /** Marks `row`; false when it was already marked in this query. */
  mark(row: number): boolean {
    if (this.marks[row] === this.generation) return false;
    this.marks[row] = this.generation;
    return true;
  }

  isMarked(row: number): boolean {
    return this.marks[row] === this.generation;
  }
}
