import { Router } from 'express';
import { authenticate, authOf, requireRole, type Verifier } from '@hoanhap/auth';
import { provinceTableCsv } from '../export/province-table.csv';
import { provinceTableXlsx } from '../export/province-table.xlsx';
import { vietnamDay } from '../domain/calendar.rules';
import { checkReportQuery, type ReportQueryInput } from '../domain/report-query.rules';
import type { ReportsContext } from '../domain/reports.context';
import { reportSummary } from '../domain/summary.use-case';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The figures (officers of their province, admins): JSON summary and the provinces' table as CSV or XLSX. */
export function reportRoutes(ctx: ReportsContext, verify: Verifier): Router {
  const router = Router();
  // `to` defaults to today in Vietnam: from 17:00 UTC on, a hire starting "today" there is already tomorrow in UTC
  const today = () => vietnamDay(ctx.clock());

  router.get('/summary', authenticate(verify), requireRole('officer', 'admin'), async (req, res) => {
    const query = checkReportQuery(req.query as ReportQueryInput, authOf(req), today());
    res.json(await reportSummary(ctx, query));
  });

  router.get('/export', authenticate(verify), requireRole('officer', 'admin'), async (req, res) => {
    const { format, ...input } = req.query as unknown as ReportQueryInput & { format: 'csv' | 'xlsx' };
    const query = checkReportQuery(input, authOf(req), today(), { provinceRequired: true });
    const summary = await reportSummary(ctx, query);
    const name = `bao-cao-tai-hoa-nhap-${query.provinceCode}-${query.from ?? 'dau-ky'}-${query.to}`;
    res.set('cache-control', 'no-store');
    if (format === 'xlsx') {
      const body = await provinceTableXlsx(summary.rows, summary.total, name);
      res.type(XLSX_TYPE).attachment(`${name}.xlsx`).send(body);
      return;
    }
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(provinceTableCsv(summary.rows, summary.total));
  });
  return router;
}
