import { AppError } from '@hoanhap/kit';
import { provinceScope } from './access.rules';
import { audit } from './audit-trail';
import type { CasesContext } from './cases.context';
import { OFFENCE_CATEGORY_CODES } from './offence-categories';
import { GRADES, MILESTONES, type Actor } from './returnee.types';

/**
 * The statistics that need grades and offences, computed here because those never leave this service
 * (ARCHITECTURE §2): counts by grade, by offence category, re-offending (grade D: detained again), milestones
 * and referral outcomes, for one province. Officers of that province only (issue 5: grades and offences are shown to officers only).
 */
export async function provinceStatistics(ctx: CasesContext, actor: Actor, provinceCode: string) {
  const scope = provinceScope(actor);
  if (scope && scope !== provinceCode)
    throw new AppError('STATISTICS.OTHER_PROVINCE', 403, 'officers see the statistics of their own province only');
  const count = (filter: Record<string, unknown> = {}) => ctx.returnees.count({ provinceCode, ...filter });
  // one count per value: FerretDB 1.x has few aggregation accumulators, and counts use the province index
  const [[active, transferPending, ...byGradeCounts], milestoneCounts, offenceCounts, referrals] = await Promise.all([
    Promise.all([count({ status: 'active' }), count({ status: 'transfer-pending' }), ...GRADES.map((grade) => count({ grade }))]),
    Promise.all(MILESTONES.map((kind) => ctx.returnees.countWithMilestone(provinceCode, kind))),
    Promise.all(OFFENCE_CATEGORY_CODES.map((category) => ctx.returnees.countWithOffence(provinceCode, category))),
    ctx.referrals.countByStatus(provinceCode),
  ]);
  const total = active! + transferPending!;
  const byGrade = Object.fromEntries(GRADES.map((g, i) => [g, byGradeCounts[i]!])) as Record<string, number>;
  const graded = GRADES.reduce((sum, g) => sum + byGrade[g]!, 0);
  await audit(ctx, actor, 'statistics.read', { type: 'province', id: provinceCode }, 'reporting');
  return {
    provinceCode,
    returnees: { total, active, transferPending },
    byGrade: { ...byGrade, ungraded: total - graded },
    // categories nobody in the province has are left out
    byOffence: Object.fromEntries(OFFENCE_CATEGORY_CODES.map((c, i) => [c, offenceCounts[i]!]).filter(([, n]) => n !== 0)),
    reoffending: { count: byGrade.D!, rate: total > 0 ? Math.round((byGrade.D! / total) * 1000) / 1000 : 0 },
    milestones: Object.fromEntries(MILESTONES.map((m, i) => [m, milestoneCounts[i]!])),
    referrals,
  };
}
