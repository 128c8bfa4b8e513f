import ExcelJS from 'exceljs';
import type { ProvinceRow } from '../domain/summary.types';
import { PROVINCE_COLUMNS, tableRows } from './province-table.columns';

/** The provinces' table as an XLSX workbook (exceljs): two header rows (vi, en), communes, total in bold. */
export async function provinceTableXlsx(rows: ProvinceRow[], total: ProvinceRow, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hòa Nhập — reports';
  const sheet = workbook.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow(PROVINCE_COLUMNS.map((c) => c.vi)).font = { bold: true };
  sheet.addRow(PROVINCE_COLUMNS.map((c) => c.en)).font = { italic: true };
  for (const row of tableRows(rows, total)) sheet.addRow(PROVINCE_COLUMNS.map((c) => row[c.key] ?? ''));
  sheet.lastRow!.font = { bold: true };
  PROVINCE_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, Math.min(40, c.vi.length + 2));
    if (c.key === 'amountDisbursedVnd') column.numFmt = '#,##0';
  });
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
