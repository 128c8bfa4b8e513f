/**
 * Scores are whole centi-points (73.25 points = 7325): sums of integers are exact in any order, so the
 * indexed search and the full scan agree to the last point and break ties the same way.
 */
export function points(weight: number, fraction: number): number {
  return Math.round(weight * Math.min(1, Math.max(0, fraction)) * 100);
}

/** Centi-points as shown: 7325 → 73.3 (one decimal). */
export function shown(centiPoints: number): number {
  return Math.round(centiPoints / 10) / 10;
}
