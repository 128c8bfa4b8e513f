import type { HotResponse } from '@hoanhap/kit';

/**
 * How long the matching itself takes (search, exclusions, reasons — not the HTTP stack nor the queue in
 * front of it) for the last requests of each kind: a ring buffer read by /status, and a Server-Timing
 * header on every answer.
 */
export class MatchTimings {
  private readonly rings = new Map<string, { values: Float64Array; next: number; count: number }>();

  constructor(private readonly size = 20_000) {}

  /** Runs `work`, records its duration under `kind`, sets `Server-Timing: match;dur=…`. */
  time<T>(kind: string, res: HotResponse, work: () => T): T {
    const started = performance.now();
    const result = work();
    const ms = performance.now() - started;
    this.record(kind, ms);
    res.setHeader('Server-Timing', `match;dur=${ms.toFixed(2)}`);
    return result;
  }

  record(kind: string, ms: number): void {
    let ring = this.rings.get(kind);
    if (!ring) this.rings.set(kind, (ring = { values: new Float64Array(this.size), next: 0, count: 0 }));
    ring.values[ring.next] = ms;
    ring.next = (ring.next + 1) % this.size;
    ring.count = Math.min(this.size, ring.count + 1);
  }

  /** p50, p99 and max in ms over the recorded window, per kind. */
  summary(): Record<string, { count: number; p50: number; p99: number; max: number }> {
    const out: Record<string, { count: number; p50: number; p99: number; max: number }> = {};
    for (const [kind, ring] of this.rings) {
      const sorted = ring.values.slice(0, ring.count).sort();
      const at = (q: number) => Math.round(sorted[Math.min(ring.count - 1, Math.floor(q * ring.count))]! * 100) / 100;
      out[kind] = { count: ring.count, p50: at(0.5), p99: at(0.99), max: at(1) };
    }
    return out;
  }
}
