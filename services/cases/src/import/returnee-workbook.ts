import ExcelJS from 'exceljs';
import { errors } from '../domain/cases.errors';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRecord } from './import-columns';

const DATA_SHEET = 'Returnees';
const KEYS = new Set<string>(IMPORT_COLUMNS.map(([key]) => key));
// codes that Excel would turn into numbers and strip of their leading zeros
const PADDED: Partial<Record<ImportColumn, number>> = { nationalId: 12, provinceCode: 2, communeCode: 5 };

/** The template: a data sheet with the header row (all text cells) and a guide sheet with an example. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(DATA_SHEET);
  data.columns = IMPORT_COLUMNS.map(([key]) => ({ header: key, key, width: Math.max(14, key.length + 2), style: { numFmt: '@' } }));
  data.getRow(1).font = { bold: true };
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột / column', width: 28 },
    { header: 'Nội dung', width: 50 },
    { header: 'Ví dụ / example', width: 60 },
  ];
  for (const row of IMPORT_COLUMNS) guide.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue, key: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || undefined
    );
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim() || undefined;
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue, key);
  const text = String(value).trim();
  const width = PADDED[key as ImportColumn];
  return width && typeof value === 'number' ? text.padStart(width, '0') : text || undefined;
}

/** The data rows as text records keyed by column, with their sheet row numbers; blank rows skipped. */
export async function readWorkbook(buffer: Buffer, maxRows: number): Promise<{ row: number; record: ImportRecord }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw errors.importUnreadable('the file is not an XLSX workbook');
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw errors.importUnreadable('the workbook has no sheet');
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => (typeof v === 'string' ? v.trim() : undefined));
  if (!header.some((h) => h && KEYS.has(h)))
    throw errors.importUnreadable(`the first row must hold the template's column names (${DATA_SHEET} sheet)`);
  const rows: { row: number; record: ImportRecord }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const record: ImportRecord = {};
    header.forEach((key, column) => {
      if (!key || !KEYS.has(key)) return;
      const text = cellText(row.getCell(column).value, key);
      if (text !== undefined) record[key as ImportColumn] = text;
    });
    if (Object.keys(record).length > 0) rows.push({ row: number, record });
  });
  if (rows.length > maxRows) throw errors.importUnreadable(`at most ${maxRows} rows per import`);
  return rows;
}
