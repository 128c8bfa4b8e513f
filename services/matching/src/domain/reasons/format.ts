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

// built once: toLocaleString builds a formatter on every call, which costs more than a whole search
const dots = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const commas = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

// and even a built formatter costs ~0.5 µs a call, four calls a job, twenty jobs an answer: wages repeat
const formatted = (format: Intl.NumberFormat, unit: string) => {
  const texts = new Map<number, string>();
  return (amount: number) => {
    const rounded = Math.round(amount);
    let text = texts.get(rounded);
    if (text === undefined) {
      text = `${format.format(rounded)} ${unit}`;
      if (texts.size > 5_000) texts.clear();
      texts.set(rounded, text);
    }
    return text;
  };
};

/** 1.000.000 ₫ (the web app's Vietnamese format). */
export const vnd = formatted(dots, '₫');
/** 1,000,000 VND. */
export const vndEn = formatted(commas, 'VND');

// Reasons are built for every item of every answer: the few dates and names they use are formatted once.
const viDates = new Map<Day, string>();
const skillLabels = new Map<string, { vi: string; en: string }>();
const provinceLabels = new Map<string, { vi: string; en: string }>();

/** dd/MM/yyyy. */
export function dateVi(day: Day): string {
  let text = viDates.get(day);
  if (text === undefined) {
    const [y, m, d] = isoOf(day).split('-');
    text = `${d}/${m}/${y}`;
    if (viDates.size > 5_000) viDates.clear();
    viDates.set(day, text);
  }
  return text;
}
export const dateEn = (day: Day) => isoOf(day);

function skillLabel(slug: string): { vi: string; en: string } {
  let label = skillLabels.get(slug);
  if (!label) {
    const known = skill(slug);
    label = { vi: known?.name ?? slug, en: known?.nameEn ?? slug };
    skillLabels.set(slug, label);
  }
  return label;
}

/** Skill names of skill ids, Vietnamese and English (the slug when the vocabulary does not know it). */
export function skillNames(vocab: Vocabulary, ids: readonly number[]): { vi: string; en: string } {
  if (ids.length === 1) return skillLabel(vocab.skills.nameOf(ids[0]!));
  const names = ids.map((id) => skillLabel(vocab.skills.nameOf(id)));
  return { vi: names.map((n) => n.vi).join(', '), en: names.map((n) => n.en).join(', ') };
}

export function provinceNames(vocab: Vocabulary, id: number): { vi: string; en: string } {
  const code = vocab.provinces.names[id] ?? '';
  let label = provinceLabels.get(code);
  if (!label) {
    const known = province(code);
    label = { vi: known?.shortName ?? code, en: known?.nameEn ?? code };
    provinceLabels.set(code, label);
  }
  return label;
}
