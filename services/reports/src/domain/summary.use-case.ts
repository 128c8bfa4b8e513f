import { commune, province } from '@hoanhap/reference';
import type { FigureRow } from '../store/fact.repository';
import type { ReportQuery } from './report-query.rules';
import type { ReportsContext } from './reports.context';
import type { ProvinceRow, ReferralFigures, Summary } from './summary.types';

const RELEASE_KINDS = ['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'];

/** Sums of the facts matching a query, by metric, for all communes and months or one of them. */
function totals(rows: FigureRow[], communeCode?: string, month?: string) {
  const pick = rows.filter((r) => (communeCode === undefined || r.communeCode === communeCode) && (month === undefined || r.month === month));
  const sum = (metric: string) => pick.filter((r) => r.metric === metric).reduce((s, r) => s + r.sum, 0);
  const startsWith = (prefix: string) => pick.filter((r) => r.metric.startsWith(prefix)).reduce((s, r) => s + r.sum, 0);
  return { sum, startsWith };
}

function provinceRow(rows: FigureRow[], communeCode: string | null, provinceCode: string | undefined, month?: string): ProvinceRow {
  const t = totals(rows, communeCode ?? undefined, month);
  const name = communeCode ? (commune(communeCode)?.name ?? communeCode) : `Tổng / Total${provinceCode ? ` — ${province(provinceCode)?.name ?? provinceCode}` : ''}`;
  return {
    communeCode,
    communeName: name,
    returnees: t.startsWith('received:'),
    stableWork: t.sum('hired:stable'),
    seasonalWork: t.sum('hired:seasonal'),
    inTraining: t.sum('enrolled'),
    certified: t.sum('certificates'),
    loansApproved: t.sum('loan:approved'),
    amountDisbursedVnd: t.sum('loan-amount:disbursed'),
    recordsCleared: t.sum('records-cleared'),
  };
}

function referrals(t: ReturnType<typeof totals>, kind: string): ReferralFigures {
  const outcome = (status: string) => t.sum(`referral-outcome:${kind}:${status}`);
  const answered = t.sum(`referral-answered:${kind}`);
  const days = t.sum(`referral-days:${kind}`);
  return {
    created: t.sum(`referral-created:${kind}`),
    succeeded: outcome('succeeded'),
    declined: outcome('declined'),
    withdrawn: outcome('withdrawn'),
    answered,
    averageDaysToAnswer: answered > 0 ? Math.round((days / answered) * 10) / 10 : null,
  };
}

/**
 * The figures of a province (or one commune, or the country for an admin) over a period. "Under management"
 * is as of `to`, so it counts from the beginning, not from `from`. Grades stay in cases (ARCHITECTURE §2).
 */
export async function reportSummary(ctx: ReportsContext, query: ReportQuery): Promise<Summary> {
  // every aggregate decodes all the facts on FerretDB 1.x: a period that starts on the first of a month (or no
  // start: since the beginning) is cut from the since-start figures, which are by month, without a second one
  const sinceStart = await ctx.store.facts.figures({ ...query, from: undefined });
  const fromMonth = query.from?.endsWith('-01') ? query.from.slice(0, 7) : undefined;
  const rows = !query.from ? sinceStart : fromMonth ? sinceStart.filter((r) => r.month >= fromMonth) : await ctx.store.facts.figures(query);
  const t = totals(rows);
  const all = totals(sinceStart);
  const retention = (months: string) => ({
    checked: t.sum(`retained:${months}:yes`) + t.sum(`retained:${months}:no`),
    stillEmployed: t.sum(`retained:${months}:yes`),
  });
  const loan = (stage: string) => ({ count: t.sum(`loan:${stage}`), amountVnd: t.sum(`loan-amount:${stage}`) });
  const communes = [...new Set(rows.map((r) => r.communeCode))].sort();
  const underManagement = all.startsWith('received:') + all.sum('transfer-in') - all.sum('transfer-out');
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const met = (metric: string) => all.sum(metric);
  return {
    provinceCode: query.provinceCode ?? null,
    communeCode: query.communeCode ?? null,
    period: { from: query.from ?? null, to: query.to },
    returnees: {
      received: t.startsWith('received:'),
      byReleaseKind: Object.fromEntries(RELEASE_KINDS.map((k) => [k, t.sum(`received:${k}`)])),
      transfersIn: t.sum('transfer-in'),
      transfersOut: t.sum('transfer-out'),
      underManagement,
    },
    needsMet: {
      idCard: t.sum('need-met:id-card'),
      residence: t.sum('need-met:residence'),
      job: t.sum('need-met:job'),
      training: t.sum('need-met:training'),
      loan: t.sum('need-met:loan'),
    },
    // an upper bound: no event says who needs what, only who got it, so "open" = under management − met so far
    needsOpen: {
      idCard: Math.max(0, underManagement - met('need-met:id-card')),
      residence: Math.max(0, underManagement - met('need-met:residence')),
      job: Math.max(0, underManagement - met('need-met:job')),
      training: Math.max(0, underManagement - met('need-met:training')),
      loan: Math.max(0, underManagement - met('need-met:loan')),
    },
    recordsCleared: t.sum('records-cleared'),
    referrals: { job: referrals(t, 'job'), course: referrals(t, 'course'), loan: referrals(t, 'loan') },
    jobs: {
      posted: { stable: t.sum('job-posted:stable'), seasonal: t.sum('job-posted:seasonal') },
      openings: { stable: t.sum('job-openings:stable'), seasonal: t.sum('job-openings:seasonal') },
      hires: { stable: t.sum('hired:stable'), seasonal: t.sum('hired:seasonal') },
      stillEmployed: { '3': retention('3'), '6': retention('6'), '12': retention('12') },
    },
    training: { enrolled: t.sum('enrolled'), completed: t.sum('completed'), certificates: t.sum('certificates'), peopleCertified: t.sum('people-certified') },
    loans: { applied: loan('applied'), approved: loan('approved'), disbursed: loan('disbursed'), rejected: loan('rejected') },
    rows: communes.map((c) => provinceRow(rows, c, query.provinceCode)),
    total: provinceRow(rows, null, query.provinceCode),
    months: months.map((month) => ({ month, ...provinceRow(rows, null, query.provinceCode, month) })),
    gradeStatistics: 'see /api/cases/statistics',
  };
}
