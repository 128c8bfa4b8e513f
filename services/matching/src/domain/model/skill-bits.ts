/**
 * Skill sets as bit sets of `words` 32-bit words inside one big Uint32Array (row r at r * words):
 * an overlap is a few ANDs and popcounts instead of string comparisons.
 */

/** Number of set bits in a 32-bit integer. */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** |a ∩ b| for the bit sets at a[ai..ai+words) and b[bi..bi+words). */
export function overlapCount(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) {
    const both = a[ai + w]! & b[bi + w]!;
    if (both !== 0) count += popcount32(both);
  }
  return count;
}

/** |a| for the bit set at a[ai..ai+words). */
export function bitCount(a: Uint32Array, ai: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) if (a[ai + w] !== 0) count += popcount32(a[ai + w]!);
  return count;
}

/** Sets bit `id` of the bit set at a[ai..). */
export function setBit(a: Uint32Array, ai: number, id: number): void {
  a[ai + (id >>> 5)]! |= 1 << (id & 31);
}

export function hasBit(a: Uint32Array, ai: number, id: number): boolean {
  return (a[ai + (id >>> 5)]! & (1 << (id & 31))) !== 0;
}

/** The ids of the set bits, ascending. */
export function bitIds(a: Uint32Array, ai: number, words: number): number[] {
  const ids: number[] = [];
  for (let w = 0; w < words; w++) {
    let v = a[ai + w]!;
    while (v !== 0) {
      const low = v & -v;
      ids.push(w * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return ids;
}
