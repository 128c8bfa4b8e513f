/**
 * The best `limit` (score, slot) pairs seen, in a fixed-size binary min-heap: the root is the weakest
 * kept, so a candidate is compared with it once and most are turned away in O(1). Higher score wins;
 * on equal scores the lower slot wins, so every search order gives the same answer.
 */
export class TopN {
  private scores: Int32Array;
  private slots: Int32Array;
  size = 0;
  limit = 0;

  constructor(capacity = 200) {
    this.scores = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  reset(limit: number): void {
    if (limit > this.scores.length) {
      this.scores = new Int32Array(limit);
      this.slots = new Int32Array(limit);
    }
    this.limit = limit;
    this.size = 0;
  }

  get full(): boolean {
    return this.size >= this.limit;
  }

  /** The weakest kept score; only meaningful when `full`. */
  get minScore(): number {
    return this.scores[0]!;
  }

  /** True when (score, slot) would be kept: the test to run before costly checks. */
  admits(score: number, slot: number): boolean {
    if (this.size < this.limit) return true;
    if (this.limit === 0) return false;
    const min = this.scores[0]!;
    return score > min || (score === min && slot < this.slots[0]!);
  }

  offer(score: number, slot: number): void {
    if (!this.admits(score, slot)) return;
    if (this.size < this.limit) {
      this.siftUp(this.size++, score, slot);
    } else {
      this.siftDown(0, score, slot);
    }
  }

  /** The kept pairs, best first. */
  drain(): { score: number; slot: number }[] {
    const out: { score: number; slot: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ score: this.scores[i]!, slot: this.slots[i]! });
    this.size = 0;
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  // a is weaker than b
  private weaker(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  private siftUp(i: number, score: number, slot: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.weaker(score, slot, this.scores[parent]!, this.slots[parent]!)) break;
      this.scores[i] = this.scores[parent]!;
      this.slots[i] = this.slots[parent]!;
      i = parent;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
  }

  private siftDown(i: number, score: number, slot: number): void {
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.weaker(this.scores[child + 1]!, this.slots[child + 1]!, this.scores[child]!, this.slots[child]!)) child += 1;
      if (!this.weaker(this.scores[child]!, this.slots[child]!, score, slot)) break;
      this.scores[i] = this.scores[child]!;
      this.slots[i] = this.slots[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
  }
}
