import type { components } from '@hoanhap/contracts/src/generated/reports';
import { http } from './http';

const base = '/api/reports';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One row of the provinces' table (a commune, or the total with communeCode null). */
export type ReportRow = components['schemas']['ProvinceRow'];

/** The province's figures (services/reports/openapi.yaml `Summary`). */
export type ReportSummary = components['schemas']['Summary'];

/** reports: the figures provinces publish, and their export. */
export const reportsApi = {
  summary: (query: { provinceCode?: string; from?: string; to?: string } = {}) => http.get<ReportSummary>(`${base}/summary`, query),
  /** The provinces' table as a file, byte for byte (the CSV's BOM, which Excel needs to read UTF-8, survives). */
  exportTable: (provinceCode: string, format: 'csv' | 'xlsx') =>
    http.get<Blob>(
      `${base}/export`,
      { format, provinceCode },
      { headers: { Accept: `${format === 'xlsx' ? XLSX_TYPE : 'text/csv'}, application/problem+json` }, responseType: 'blob' },
    ),
};
