import { frozen, once } from './once';
import type { Commune, OldProvinceMapping, Province } from './types';

// Each file is parsed on first use: a service that only checks province codes never parses the communes.
const loadProvinces = once(() => {
  const list = frozen(require('../data/provinces.json') as Province[]);
  return { list, byCode: new Map(list.map((p) => [p.code, p])) };
});

const loadCommunes = once(() => {
  const list = frozen(require('../data/communes.json') as Commune[]);
  const byProvince = new Map<string, Commune[]>();
  for (const c of list) {
    const group = byProvince.get(c.provinceCode) ?? [];
    group.push(c);
    byProvince.set(c.provinceCode, group);
  }
  return {
    list,
    byCode: new Map(list.map((c) => [c.code, c])),
    byProvince: new Map([...byProvince].map(([code, group]) => [code, frozen(group)])),
  };
});

const loadMapping = once(() => {
  const rows = frozen(require('../data/province-mapping-2025.json') as OldProvinceMapping[]);
  return { rows, byOldCode: new Map(rows.map((r) => [r.oldCode, r])) };
});

const NO_COMMUNES: readonly Commune[] = Object.freeze([]);

/** The 34 provinces and centrally-run cities in force since 1 July 2025, ordered by code. */
export function provinces(): readonly Province[] {
  return loadProvinces().list;
}

/** The province with this official code ("40"), or undefined. */
export function province(code: string): Province | undefined {
  return loadProvinces().byCode.get(code);
}

/** All communes, wards and special zones ordered by code, or only those of one province. */
export function communes(provinceCode?: string): readonly Commune[] {
  if (provinceCode === undefined) return loadCommunes().list;
  return loadCommunes().byProvince.get(provinceCode) ?? NO_COMMUNES;
}

/** The commune, ward or special zone with this official code ("16681"), or undefined. */
export function commune(code: string): Commune | undefined {
  return loadCommunes().byCode.get(code);
}

/** True when the value is the code of a province in force ("01", not 1 or "1"). */
export function isProvinceCode(value: unknown): value is string {
  return typeof value === 'string' && loadProvinces().byCode.has(value);
}

/** True when the value is the code of a commune in force ("16681", not 16681). */
export function isCommuneCode(value: unknown): value is string {
  return typeof value === 'string' && loadCommunes().byCode.has(value);
}

/** True when the commune exists and lies in that province. */
export function communeInProvince(communeCode: string, provinceCode: string): boolean {
  return loadCommunes().byCode.get(communeCode)?.provinceCode === provinceCode;
}

/**
 * The new (July 2025) province code for a pre-2025 province code, for historical data:
 * newProvinceCodeFor('35') === '37' (Hà Nam became part of Ninh Bình). Undefined for unknown codes.
 */
export function newProvinceCodeFor(oldCode: string): string | undefined {
  return loadMapping().byOldCode.get(oldCode)?.newCode;
}

/** The 63 pre-2025 provinces with their names and the new province each became part of. */
export function oldProvinceMapping(): readonly OldProvinceMapping[] {
  return loadMapping().rows;
}
