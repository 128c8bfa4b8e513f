import { todayAt, type Day } from './calendar';
import type { MatchingModel } from './model/matching-model';

/** What the use cases need: the read model, the clock, and the knobs from configuration. */
export interface MatchingContext {
  model: MatchingModel;
  /** This instance's name (its snapshot folder and consumer groups), reported by /status. */
  instanceId: string;
  /** Injected so that tests can stand on a restriction's first and last day. */
  now(): Date;
  /** Where "today" is decided: Vietnam, UTC+7 (420). */
  utcOffsetMinutes: number;
  /** Lets a request ask for the full-scan baseline (benchmarks only). */
  allowScan: boolean;
  maxLimit: number;
  /** The last snapshot written, for the status route (absent when snapshots are off). */
  snapshotInfo?: () => { takenAt: string; events: number } | null;
  /** When the model was restored from a snapshot at boot, that snapshot's time; null after a full replay. */
  restoredFrom?: string | null;
}

/** The caller as the verified token describes it. */
export interface Caller {
  sub: string;
  role: string;
  orgId?: string;
  provinceCode?: string;
}

export function clockOf(ctx: MatchingContext): { nowMs: number; today: Day } {
  const now = ctx.now();
  return { nowMs: now.getTime(), today: todayAt(now, ctx.utcOffsetMinutes) };
}

/** `limit` above the maximum is clamped, not refused (ARCHITECTURE §6). */
export function clampLimit(ctx: MatchingContext, limit: number | undefined, fallback = 20): number {
  return Math.max(1, Math.min(ctx.maxLimit, limit ?? fallback));
}
