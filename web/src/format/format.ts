import dayjs from 'dayjs';

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
const integer = new Intl.NumberFormat('vi-VN');

/** `1.000.000 ₫` — money is always an integer number of VND. */
export function formatVnd(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : vnd.format(amount);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

/** dd/MM/yyyy, whatever the UI language. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('DD/MM/YYYY') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('DD/MM/YYYY HH:mm') : '—';
}

/**
 * Today in Vietnam, the day the services judge dates by ("not in the future", "after the decision").
 * The browser's own day differs for part of every day when its clock is set to another zone (a bank
 * officer travelling, a test machine on UTC): a default of the browser's day would then be refused.
 */
export function vietnamToday(): dayjs.Dayjs {
  return dayjs(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }));
}

/** The ISO date (yyyy-MM-dd) the API expects. */
export function isoDate(value: dayjs.Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** Strips tones and marks: "Nguyễn Văn An" → "nguyen van an" (same rule as packages/reference). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Working days (Mon–Fri) from `from` to `to`, not counting the first day. Public holidays are not
 * subtracted (no holiday calendar yet), so the figure can only overstate the wait, never hide it.
 */
export function workingDaysBetween(from: string | Date, to: Date = new Date()): number {
  let day = dayjs(from).startOf('day');
  const end = dayjs(to).startOf('day');
  let count = 0;
  while (day.isBefore(end)) {
    day = day.add(1, 'day');
    const weekday = day.day();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}
