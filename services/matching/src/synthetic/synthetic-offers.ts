import type { CohortPublishedV1, JobPostedV1, LoanProductPublishedV1 } from '@hoanhap/contracts';
import { isStateAgencyPost, occupation } from '@hoanhap/reference';
import { isoOf } from '../domain/calendar';
import { Prng, syntheticUuid } from './prng';
import type { SyntheticWorld } from './synthetic-world';

export const JOB_STREAM = 2;
export const COHORT_STREAM = 4;

export const jobId = (w: SyntheticWorld, i: number) => syntheticUuid(w.seed, JOB_STREAM, i);
export const employerOrgId = (w: SyntheticWorld, k: number) => syntheticUuid(w.seed, 3, k);

/** Open job `i` as employers posts it: skills of its trade, a wage, conditions, a closing date. */
export function syntheticJob(w: SyntheticWorld, i: number): JobPostedV1 {
  const g = Prng.for(w.seed, JOB_STREAM, i);
  const commune = w.geography.communes[g.weighted(w.geography.jobs)]!;
  const trade = w.trades.codes[g.weighted(w.trades.popularity)]!;
  const tradeSkills = w.trades.skillsOf.get(trade) ?? [];
  const skills = g.chance(0.1) ? [] : g.sample(tradeSkills, g.between(1, Math.min(3, tradeSkills.length)));
  const nice = g.sample(w.trades.allSkills.filter((s) => !skills.includes(s)), g.between(0, 2));
  const seasonal = g.chance(0.3);
  const seasonStart = w.today + g.between(0, 60);
  const wageMinVnd = g.between(45, 120) * 100_000;
  const demand = g.next();
  return {
    jobId: jobId(w, i),
    employerOrgId: employerOrgId(w, g.int(w.employers)),
    title: `${occupation(trade)?.name ?? trade} — ${commune.name}`,
    occupationCode: trade,
    skills,
    niceToHaveSkills: nice,
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    employmentType: seasonal ? 'seasonal' : 'stable',
    ...(seasonal && { seasonStart: isoOf(seasonStart), seasonEnd: isoOf(seasonStart + g.between(60, 180)) }),
    openings: g.between(1, 10),
    filled: 0,
    wageMinVnd,
    wageMaxVnd: wageMinVnd + g.between(0, 50) * 100_000,
    accommodation: g.chance(0.2),
    ...(g.chance(0.3) && { minimumAge: trade === '5414' ? 21 : 18 }),
    ...(demand < 0.85 && { physicalDemands: demand < 0.25 ? 'heavy' : demand < 0.65 ? 'moderate' : 'light' }),
    stateAgency: isStateAgencyPost(trade, g.chance(0.5) ? 'public' : 'private'),
    closesAt: new Date((w.today + g.between(30, 120)) * 86_400_000).toISOString(),
    status: 'open',
    verifiedEmployer: g.chance(0.8),
  };
}

/** Cohort `i` as colleges publishes it: the skills its trade grants, where and when, seats and support. */
export function syntheticCohort(w: SyntheticWorld, i: number): CohortPublishedV1 {
  const g = Prng.for(w.seed, COHORT_STREAM, i);
  const commune = w.geography.communes[g.weighted(w.geography.jobs)]!;
  const trade = w.trades.codes[g.weighted(w.trades.popularity)]!;
  const startsOn = w.today + g.between(0, 90);
  const seats = g.between(15, 40);
  const delivery = g.chance(0.8) ? 'college' : g.chance(0.75) ? 'commune' : 'prison';
  const support: CohortPublishedV1['support'] = [];
  if (g.chance(0.3)) support.push({ kind: 'tuition-exempt' });
  else if (g.chance(0.2)) support.push({ kind: 'tuition-reduced', amountVnd: 1_000_000 });
  if (g.chance(0.2)) support.push({ kind: 'meal-allowance', amountVnd: 30_000 });
  if (g.chance(0.1)) support.push({ kind: 'accommodation' });
  return {
    cohortId: syntheticUuid(w.seed, COHORT_STREAM, i),
    courseId: syntheticUuid(w.seed, 5, i % 1500),
    collegeOrgId: syntheticUuid(w.seed, 6, g.int(400)),
    title: `Sơ cấp nghề: ${occupation(trade)?.name ?? trade}`,
    occupationCode: trade,
    skillsGranted: g.sample(w.trades.skillsOf.get(trade) ?? [], g.between(1, 3)),
    provinceCode: commune.provinceCode,
    ...(delivery !== 'college' || g.chance(0.5) ? { communeCode: commune.code } : {}),
    delivery,
    startsOn: isoOf(startsOn),
    endsOn: isoOf(startsOn + g.between(60, 180)),
    seats,
    seatsLeft: g.chance(0.1) ? 0 : g.between(1, seats),
    tuitionVnd: g.chance(0.4) ? 0 : g.between(15, 80) * 100_000,
    support,
    status: g.chance(0.9) ? 'open' : 'running',
  };
}

/** The three Decision 22/2023/QĐ-TTg products loans publishes. */
export function syntheticLoanProducts(): LoanProductPublishedV1[] {
  const common = { monthlyRatePercent: 0.55, effectiveFrom: '2023-10-10', legalSource: 'Quyết định 22/2023/QĐ-TTg' };
  return [
    { productCode: 'd22-production', purpose: 'production', maxAmountVnd: 100_000_000, amountBasis: 'per-loan', maxTermMonths: 120, titleVi: 'Vay sản xuất, kinh doanh', titleEn: 'Production and business loan', ...common },
    { productCode: 'd22-training', purpose: 'training', maxAmountVnd: 4_000_000, amountBasis: 'per-course-month', maxTermMonths: 24, titleVi: 'Vay học nghề', titleEn: 'Vocational training loan', ...common },
    { productCode: 'd22-business', purpose: 'business', maxAmountVnd: 2_000_000_000, amountBasis: 'per-project', maxAmountPerEmployeeVnd: 100_000_000, maxTermMonths: 120, titleVi: 'Vay cho doanh nghiệp sử dụng người chấp hành xong án', titleEn: 'Loan for businesses employing returnees', ...common },
  ];
}
