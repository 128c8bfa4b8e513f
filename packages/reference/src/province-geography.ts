import { frozen, once } from './once';

interface ProvinceGeography {
  readonly code: string;
  readonly lat: number;
  readonly lon: number;
  readonly neighbours: readonly string[];
}

const EARTH_RADIUS_KM = 6371;
const NONE: readonly string[] = Object.freeze([]);

const load = once(() => {
  const rows = frozen(require('../data/province-geography.json') as ProvinceGeography[]);
  for (const row of rows) Object.freeze(row.neighbours);
  return new Map(rows.map((r) => [r.code, r]));
});

/** Codes of the provinces that share a land border with this one (symmetric); empty if unknown. */
export function neighbours(provinceCode: string): readonly string[] {
  return load().get(provinceCode)?.neighbours ?? NONE;
}

/** True when the two provinces share a land border. */
export function areNeighbours(a: string, b: string): boolean {
  return neighbours(a).includes(b);
}

/** Approximate centroid of the province (±30 km; see data/SOURCE.md), or undefined if unknown. */
export function provinceCentroid(provinceCode: string): { lat: number; lon: number } | undefined {
  const row = load().get(provinceCode);
  return row && { lat: row.lat, lon: row.lon };
}

/**
 * Great-circle distance in km between the approximate centroids of two provinces; 0 for the same
 * province, undefined if either code is unknown. Good for ranking, not for routing.
 */
export function provinceDistanceKm(a: string, b: string): number | undefined {
  const p = load().get(a);
  const q = load().get(b);
  if (!p || !q) return undefined;
  if (a === b) return 0;
  const rad = Math.PI / 180;
  const dLat = (q.lat - p.lat) * rad;
  const dLon = (q.lon - p.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
