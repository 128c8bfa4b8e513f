import { parseCsv, type CsvRecord } from './csv';
import { isProvinceCode } from './divisions';
import { foldVietnamese } from './fold-vietnamese';
import type { Commune, CommuneKind } from './types';

/** A row the importer refused: its 1-based line in the file (the header is line 1), field and reason. */
export interface CsvRowError {
  readonly row: number;
  readonly field?: string;
  readonly code: string;
  readonly message: string;
}

/** Valid communes in file order, and every refused row with its reason. */
export interface CommunesCsvResult {
  readonly communes: Commune[];
  readonly errors: CsvRowError[];
}

type Column = 'code' | 'name' | 'provinceCode' | 'kind';

// Header names compared folded and without spaces or punctuation: "Mã PX" -> "mapx".
const HEADER_ALIASES: Record<Column, string[]> = {
  code: ['code', 'communecode', 'ma', 'mapx', 'maxa', 'maphuongxa'],
  name: ['name', 'ten', 'tenpx', 'phuongxa', 'tenphuongxa', 'tenxa'],
  provinceCode: ['provincecode', 'matinh', 'matp', 'matinhthanhpho'],
  kind: ['kind', 'cap', 'loai'],
};

const KIND_WORDS = new Map<string, CommuneKind>([
  ['commune', 'commune'],
  ['xa', 'commune'],
  ['ward', 'ward'],
  ['phuong', 'ward'],
  ['special-zone', 'special-zone'],
  ['dac khu', 'special-zone'],
]);

function headerKey(name: string): string {
  return foldVietnamese(name).replace(/[^a-z0-9]/g, '');
}

function locateColumns(header: string[]): Partial<Record<Column, number>> {
  const keys = header.map(headerKey);
  const found: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(HEADER_ALIASES) as Column[]) {
    const index = keys.findIndex((k) => HEADER_ALIASES[column].includes(k));
    if (index >= 0) found[column] = index;
  }
  return found;
}

/** Digits only, padded to width; undefined when not a code of at most that many digits. */
function padCode(raw: string, width: number): string | undefined {
  const value = raw.trim();
  return /^\d+$/.test(value) && value.length <= width ? value.padStart(width, '0') : undefined;
}

function kindOf(rawKind: string, name: string): CommuneKind | undefined {
  if (rawKind.trim() !== '') return KIND_WORDS.get(foldVietnamese(rawKind));
  const prefix = foldVietnamese(name).match(/^(xa|phuong|dac khu) /)?.[1];
  return prefix ? KIND_WORDS.get(prefix) : undefined;
}

function validateRow(record: CsvRecord, at: Partial<Record<Column, number>>): Commune | CsvRowError[] {
  const cell = (c: Column) => (at[c] === undefined ? '' : (record.fields[at[c]!] ?? ''));
  const errors: CsvRowError[] = [];
  const fail = (field: Column, code: string, message: string) => errors.push({ row: record.line, field, code, message });

  const code = padCode(cell('code'), 5);
  if (!code) fail('code', 'COMMUNE_CSV.BAD_CODE', 'commune code must be up to 5 digits');
  const provinceCode = padCode(cell('provinceCode'), 2);
  if (!provinceCode || !isProvinceCode(provinceCode)) {
    fail('provinceCode', 'COMMUNE_CSV.UNKNOWN_PROVINCE', `no province "${cell('provinceCode')}"`);
  }
  const name = cell('name').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 100) fail('name', 'COMMUNE_CSV.BAD_NAME', 'name must be 1–100 characters');
  const kind = kindOf(cell('kind'), name);
  if (name !== '' && !kind) fail('kind', 'COMMUNE_CSV.BAD_KIND', 'kind must be xã, phường or đặc khu (or commune, ward, special-zone)');

  if (errors.length > 0 || !code || !provinceCode || !kind) return errors;
  return { code, name, kind, provinceCode };
}

/**
 * Imports a commune list from CSV text (e.g. an export of the statistics office's list): a header row
 * naming the columns code, name, provinceCode and optionally kind (English names or the Vietnamese
 * "Mã", "Tên", "Mã TP", "Cấp"), then one commune per row. Codes may have lost their leading zeros;
 * kind defaults to the name's prefix. Rows with a bad code, unknown province, empty name, unknown kind
 * or a repeated code are refused with their line number; the others are returned.
 */
export function importCommunesCsv(text: string): CommunesCsvResult {
  const [header, ...records] = parseCsv(text);
  if (!header) return { communes: [], errors: [{ row: 1, code: 'COMMUNE_CSV.EMPTY', message: 'no header row' }] };
  const at = locateColumns(header.fields);
  const missing = (['code', 'name', 'provinceCode'] as const).filter((c) => at[c] === undefined);
  if (missing.length > 0) {
    const errors = missing.map((field) => ({ row: header.line, field, code: 'COMMUNE_CSV.MISSING_COLUMN', message: `no ${field} column` }));
    return { communes: [], errors };
  }
  const communes: Commune[] = [];
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const result = validateRow(record, at);
    if (Array.isArray(result)) errors.push(...result);
    else if (seen.has(result.code)) {
      const first = seen.get(result.code);
      errors.push({
        row: record.line,
        field: 'code',
        code: 'COMMUNE_CSV.DUPLICATE_CODE',
        message: `code ${result.code} already on row ${first}`,
      });
    } else {
      seen.set(result.code, record.line);
      communes.push(result);
    }
  }
  return { communes, errors };
}
