import { province, skill } from '@hoanhap/reference';
import * as calendar from '../calendar';
import type { Day } from '../calendar';
import { keptUpTo, remembered } from '../remembered';
import type { Vocabulary } from '../model/vocabulary';
import * as points from '../scoring/points';

// bound once: tsx compiles imported bindings to getters, and every reason of every answer calls these
const { isoOf } = calendar;
const { shown } = points;

/** One reason, in both languages, with the points it brought (0 for a reason that only informs). */
export interface Reason {
  code: string;
  points: number;
  vi: string;
  en: string;
}

export const reason = (code: string, centiPoints: number, vi: string, en: string): Reason => ({ code, points: shown(centiPoints), vi, en });

const jsonBytes = new WeakMap<Reason, Buffer>();

/** A reason's JSON as UTF-8, written the first time it is asked and kept with the reason (shared ones are asked often). */
export function reasonJson(r: Reason): Buffer {
  let json = jsonBytes.get(r);
  if (json === undefined) jsonBytes.set(r, (json = Buffer.from(JSON.stringify(r))));
  return json;
}

/**
 * Reasons made once per code and key (their JSON, written once by `reasonJson`, stays with them): the 20 items
 * of an answer, and the answers after it, repeat the same few reasons (a wage, a province, a start date), and building their texts
 * and writing them out as JSON cost more than the search. The key must name everything the reason's words
 * and points depend on beyond its code and what is fixed for one model (its weights, its vocabulary): a
 * number where it can (`pairKey`, `idsKey`: a string key is hashed on every lookup). Shared reasons are never
 * changed (`byPoints` orders a list, not its reasons). A code's reasons are forgotten at once past `limit`.
 */
export function reasonsOnce(limit = KEPT): (code: string, key: number | string, make: () => Reason) => Reason {
  const byCode = new Map<string, ReturnType<typeof keptUpTo<number | string, Reason>>>();
  return (code, key, make) => (byCode.get(code) ?? byCode.set(code, keptUpTo(limit)).get(code)!)(key, make);
}

const BITS_26 = 2 ** 26;

/** One key for two whole numbers: a number when both are below 2^26 (a wage in VND, a day and points), else a string. */
export const pairKey = (a: number, b: number): number | string =>
  a >= 0 && b >= 0 && a < BITS_26 && b < BITS_26 && Number.isInteger(a) && Number.isInteger(b) ? a * BITS_26 + b : `${a} ${b}`;

/** One key for a count and a list of ids (skills): a number for up to five ids below 256, else a string. */
export function idsKey(count: number, ids: readonly number[]): number | string {
  if (ids.length > 5 || count > 255) return `${count} ${ids.join()}`;
  // the list's length in the key: [0, 5] and [5] are different lists
  let key = count * 8 + ids.length;
  for (const id of ids) {
    if (id > 255) return `${count} ${ids.join()}`;
    key = key * 256 + id;
  }
  return key;
}

/**
 * The reasons, most points first, equal points in the order given; sorted in place. An insertion sort: a
 * list holds at most eight reasons, and Array.prototype.sort allocates ~1 kB of sort state per call, 20 times an
 * answer.
 */
export function byPoints(reasons: Reason[]): Reason[] {
  for (let i = 1; i < reasons.length; i++) {
    const r = reasons[i]!;
    let k = i;
    for (; k > 0 && reasons[k - 1]!.points < r.points; k--) reasons[k] = reasons[k - 1]!;
    reasons[k] = r;
  }
  return reasons;
}

// built once: toLocaleString builds a formatter on every call, which costs more than a whole search
const dots = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const commas = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

// Reasons are built for every item of every answer from a few texts that repeat (wages, dates, names): each
// is made once. Even a built number formatter costs ~0.5 µs a call, and an answer makes 80 wage texts.
const KEPT = 5_000;

const amounts = (format: Intl.NumberFormat, unit: string) => {
  const text = remembered((rounded: number) => `${format.format(rounded)} ${unit}`, KEPT);
  return (amount: number) => text(Math.round(amount));
};

/** 1.000.000 ₫ (the web app's Vietnamese format). */
export const vnd = amounts(dots, '₫');
/** 1,000,000 VND. */
export const vndEn = amounts(commas, 'VND');

/** dd/MM/yyyy. */
export const dateVi = remembered((day: Day) => {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}, KEPT);
export const dateEn = (day: Day) => isoOf(day);

const skillLabel = remembered((slug: string) => {
  const known = skill(slug);
  return { vi: known?.name ?? slug, en: known?.nameEn ?? slug };
}, KEPT);

const provinceLabel = remembered((code: string) => {
  const known = province(code);
  return { vi: known?.shortName ?? code, en: known?.nameEn ?? code };
}, KEPT);

/** Skill names of skill ids, Vietnamese and English (the slug when the vocabulary does not know it). */
export function skillNames(vocab: Vocabulary, ids: readonly number[]): { vi: string; en: string } {
  if (ids.length === 1) return skillLabel(vocab.skills.nameOf(ids[0]!));
  const names = ids.map((id) => skillLabel(vocab.skills.nameOf(id)));
  return { vi: names.map((n) => n.vi).join(', '), en: names.map((n) => n.en).join(', ') };
}

export function provinceNames(vocab: Vocabulary, id: number): { vi: string; en: string } {
  return provinceLabel(vocab.provinces.names[id] ?? '');
}
