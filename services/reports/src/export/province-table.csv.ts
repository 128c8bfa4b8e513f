import type { ProvinceRow } from '../domain/summary.types';
import { PROVINCE_COLUMNS, tableRows } from './province-table.columns';

// Excel opens a CSV as UTF-8 only when it starts with a BOM; without it, Vietnamese letters are garbled
const BOM = '\uFEFF';

function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  // a text cell that starts like a formula would run in Excel (CSV injection, OWASP)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The provinces' table as CSV: BOM, Vietnamese header, English header, communes, total; CRLF (RFC 4180). */
export function provinceTableCsv(rows: ProvinceRow[], total: ProvinceRow): string {
  const lines = [
    PROVINCE_COLUMNS.map((c) => cell(c.vi)).join(','),
    PROVINCE_COLUMNS.map((c) => cell(c.en)).join(','),
    ...tableRows(rows, total).map((row) => PROVINCE_COLUMNS.map((c) => cell(row[c.key])).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
