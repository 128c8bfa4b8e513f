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
  const [files, referrals] = await Promise.all([ctx.returnees.tallyProvince(provinceCode), ctx.referrals.countByStatus(provinceCode)]);
  const countOf = (counts: Map<string, number>, key: string) => counts.get(key) ?? 0;
  const active = countOf(files.byStatus, 'active');
  const transferPending = countOf(files.byStatus, 'transfer-pending');
  const total = active + transferPending;
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, countOf(files.byGrade, g)])) as Record<string, number>;
  const graded = GRADES.reduce((sum, g) => sum + byGrade[g]!, 0);
  await audit(ctx, actor, 'statistics.read', { type: 'province', id: provinceCode }, 'reporting');
  return {
    provinceCode,
    returnees: { total, active, transferPending },
    byGrade: { ...byGrade, ungraded: total - graded },
    // categories nobody in the province has are left out
    byOffence: Object.fromEntries(OFFENCE_CATEGORY_CODES.map((c) => [c, countOf(files.byOffence, c)]).filter(([, n]) => n !== 0)),
    reoffending: { count: byGrade.D!, rate: total > 0 ? Math.round((byGrade.D! / total) * 1000) / 1000 : 0 },
    milestones: Object.fromEntries(MILESTONES.map((m) => [m, countOf(files.byMilestone, m)])),
    referrals,
  };
}
