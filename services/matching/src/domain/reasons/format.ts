import { province, skill } from '@hoanhap/reference';
import { isoOf, type Day } from '../calendar';
import type { Vocabulary } from '../model/vocabulary';
import { shown } from '../scoring/points';

/** One reason, in both languages, with the points it brought (0 for a reason that only informs). */
export interface Reason {
  code: string;
  points: number;
  vi: string;
  en: string;
}

export const reason = (code: string, centiPoints: number, vi: string, en: string): Reason => ({ code, points: shown(centiPoints), vi, en });

/** 1.000.000 ₫ (the web app's Vietnamese format). */
export const vnd = (amount: number) => `${Math.round(amount).toLocaleString('de-DE')} ₫`;
/** 1,000,000 VND. */
export const vndEn = (amount: number) => `${Math.round(amount).toLocaleString('en-US')} VND`;

/** dd/MM/yyyy. */
export function dateVi(day: Day): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}
export const dateEn = (day: Day) => isoOf(day);

/** Skill names of skill ids, Vietnamese and English (the slug when the vocabulary does not know it). */
export function skillNames(vocab: Vocabulary, ids: readonly number[]): { vi: string; en: string } {
  const names = ids.map((id) => {
    const slug = vocab.skills.nameOf(id);
    const known = skill(slug);
    return { vi: known?.name ?? slug, en: known?.nameEn ?? slug };
  });
  return { vi: names.map((n) => n.vi).join(', '), en: names.map((n) => n.en).join(', ') };
}

export function provinceNames(vocab: Vocabulary, id: number): { vi: string; en: string } {
  const code = vocab.provinces.names[id] ?? '';
  const known = province(code);
  return { vi: known?.shortName ?? code, en: known?.nameEn ?? code };
}
