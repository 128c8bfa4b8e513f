/**
 * The steps of the demo-province seed, each done through the gateway as the demo user whose job it is.
 * Creations carry Idempotency-Keys derived from the seed and the item's number; changes of state
 * (hires, enrolments) are made only from the state they start from, so a rerun changes nothing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { DEMO } from '@hoanhap/reference';
import { courseBody, jobBody, random, returneeBody, type ReturneeBody } from './demo-data';
import { inPool, listAll, type GatewayUser, type Reply } from './gateway-client';

export interface Tally {
  created: number;
  existing: number;
  failed: number;
  /** The first few failures, to say what went wrong. */
  errors: string[];
}
export const tally = (): Tally => ({ created: 0, existing: 0, failed: 0, errors: [] });

/** Modest: on a busy 2-core machine more only lengthens each answer (and the gateway gives up at 10 s). */
const CONCURRENCY = 4;

function count(t: Tally, what: string, reply: Reply, ok = [200, 201]): boolean {
  if (ok.includes(reply.status)) {
    if (reply.replayed) t.existing++;
    else t.created++;
    return true;
  }
  t.failed++;
  if (t.errors.length < 3)
    t.errors.push(`${what}: ${reply.status} ${reply.body?.code ?? ''} ${reply.body?.detail ?? JSON.stringify(reply.body)}`);
  return false;
}

/** Employer and college profiles (once), the fair-chance pledge, and the officer's verification. */
export async function ensureOrganisations(users: Record<string, GatewayUser>): Promise<void> {
  const employers = [
    ['employer', 'Công ty TNHH Cơ khí Vinh (demo)', '2900000001', 'Nguyễn Thị Lan', 'medium'],
    ['employer2', 'Hợp tác xã Nông nghiệp Đô Lương (demo)', '2900000002', 'Lê Văn Minh', 'small'],
  ] as const;
  for (const [slug, name, taxCode, person, size] of employers) {
    const user = users[slug]!;
    const mine = await user.call('GET', '/api/employers/organisations/me');
    if (mine.status === 404) {
      const communeCode = slug === 'employer' ? DEMO.communeCode : DEMO.communeCodes[1];
      await user.call('PUT', '/api/employers/organisations/me', {
        name,
        taxCode,
        sector: slug === 'employer' ? 'private' : 'cooperative',
        provinceCode: DEMO.provinceCode,
        communeCode,
        contact: { name: person },
        size,
      });
    }
    if (!mine.body?.pledge)
      await user.call('PUT', '/api/employers/organisations/me/pledge', { acceptedByName: person, acceptedByTitle: 'Giám đốc' });
    const orgId = mine.body?.id ?? user.orgId;
    if (orgId && mine.body?.verification?.status !== 'verified') {
      await users.officer!.call('PUT', `/api/employers/organisations/${orgId}/verification`, { decision: 'verified', note: 'Demo' });
    }
  }
  const college = users.college!;
  if ((await college.call('GET', '/api/colleges/organisations/me')).status === 404) {
    await college.call('PUT', '/api/colleges/organisations/me', {
      name: 'Trường Cao đẳng nghề Nghệ An (demo)',
      licenceNumber: 'GDNN-40-0001',
      licenceIssuedBy: 'Sở Lao động – Thương binh và Xã hội Nghệ An',
      provinceCode: DEMO.provinceCode,
      communeCode: DEMO.communeCode,
      contact: { person: 'Phạm Thị Hoa' },
    });
  }
}

export interface SeededReturnee {
  id: string;
  index: number;
  body: ReturneeBody;
}

export async function seedReturnees(
  officer: GatewayUser,
  seed: number,
  total: number,
  communes: string[],
  t: Tally,
  onProgress: (done: number) => void = () => undefined,
) {
  let done = 0;
  const seeded = await inPool(
    Array.from({ length: total }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const body = returneeBody(seed, i, communes);
      const reply = await officer.call('POST', '/api/cases/returnees', body, `seed-demo-${seed}-returnee-${i}`);
      onProgress(++done);
      if (reply.status === 409 && reply.body?.existingId) {
        // the same national ID: registered by our own timed-out attempt, or earlier under another key
        if (reply.retried) t.created++;
        else t.existing++;
        return { id: String(reply.body.existingId), index: i, body };
      }
      return count(t, `returnee ${i}`, reply) ? { id: String(reply.body.id), index: i, body } : undefined;
    },
  );
  return seeded.filter((r): r is SeededReturnee => !!r);
}

export async function seedJobs(users: Record<string, GatewayUser>, seed: number, total: number, communes: string[], t: Tally) {
  const plan = Array.from({ length: total }, (_, i) => ({ employer: i % 2 === 0 ? ('employer' as const) : ('employer2' as const), n: i }));
  const jobs = await inPool(plan, CONCURRENCY, async ({ employer, n }) => {
    const body = jobBody(seed, employer, n, communes);
    const reply = await users[employer]!.call('POST', '/api/employers/jobs', body, `seed-demo-${seed}-job-${n}`);
    return count(t, `job ${n}`, reply) ? { id: String(reply.body.id), employer, skills: body.skills } : undefined;
  });
  return jobs.filter((j) => !!j);
}

export async function seedCourses(college: GatewayUser, seed: number, total: number, t: Tally) {
  const courses = await inPool(
    Array.from({ length: total }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const body = courseBody(seed, i);
      const reply = await college.call('POST', '/api/colleges/courses', body, `seed-demo-${seed}-course-${i}`);
      if (!count(t, `course ${i}`, reply) || !reply.body.firstCohort?.id) return undefined;
      return { id: String(reply.body.id), cohortId: String(reply.body.firstCohort.id), skills: body.skillsGranted as readonly string[] };
    },
  );
  return courses.filter((c) => c !== undefined);
}

type Target = { kind: 'job' | 'course' | 'loan'; id: string };
export interface Referral {
  id: string;
  returneeId: string;
  target: Target;
  index: number;
}

/** Who is referred where: deterministic by the returnee's number, and only with the matching consent. */
export function referralPlan(
  seed: number,
  returnees: SeededReturnee[],
  jobs: { id: string; skills: readonly string[] }[],
  courses: { cohortId: string; skills: readonly string[] }[],
): { returnee: SeededReturnee; target: Target }[] {
  const plan: { returnee: SeededReturnee; target: Target }[] = [];
  for (const r of returnees) {
    const rand = random(seed * 13 + r.index * 101 + 7);
    const { needs, consent, skills } = r.body;
    const fits = <T extends { skills: readonly string[] }>(list: T[]) => list.filter((x) => x.skills.some((s) => skills.includes(s)));
    if (needs.includes('job') && consent.shareWithEmployers && jobs.length && rand() < 0.45) {
      const options = fits(jobs).length ? fits(jobs) : jobs;
      plan.push({ returnee: r, target: { kind: 'job', id: options[Math.floor(rand() * options.length)]!.id } });
    }
    if (needs.includes('training') && consent.shareWithColleges && courses.length && rand() < 0.5) {
      plan.push({ returnee: r, target: { kind: 'course', id: courses[Math.floor(rand() * courses.length)]!.cohortId } });
    }
    if (needs.includes('loan') && consent.shareWithBank && rand() < 0.7) {
      plan.push({ returnee: r, target: { kind: 'loan', id: 'd22-production' } });
    }
  }
  return plan;
}

export async function seedReferrals(officer: GatewayUser, seed: number, plan: ReturnType<typeof referralPlan>, t: Tally) {
  const referrals = await inPool(plan, CONCURRENCY, async ({ returnee, target }) => {
    const note = target.kind === 'loan' ? 'Cần vốn sản xuất chăn nuôi / needs capital' : 'Giới thiệu từ bản demo / demo referral';
    const key = `seed-demo-${seed}-referral-${target.kind}-${returnee.index}`;
    const reply = await officer.call('POST', '/api/cases/referrals', { returneeId: returnee.id, target, note }, key);
    return count(t, `referral ${key}`, reply)
      ? { id: String(reply.body.id), returneeId: returnee.id, target, index: returnee.index }
      : undefined;
  });
  return referrals.filter((r): r is Referral => !!r);
}

/** Waits until `fetch` returns at least `want` items (events take a moment to cross services). */
export async function eventually<T>(fetch: () => Promise<T[]>, want: number, timeoutMs = 90_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = await fetch();
    if (items.length >= want || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Employers move some referred applications on: interviews, hires and a few declines. */
export async function seedOutcomes(users: Record<string, GatewayUser>, seed: number, referrals: Referral[], t: Tally) {
  const jobReferrals = new Map(referrals.filter((r) => r.target.kind === 'job').map((r) => [r.id, r]));
  const applications: any[] = [];
  for (const slug of ['employer', 'employer2']) {
    applications.push(...(await listAll(users[slug]!, '/api/employers/applications')).map((a) => ({ ...a, slug })));
  }
  const ours = applications.filter((a) => jobReferrals.has(a.referralId));
  let hired = ours.filter((a) => a.status === 'hired').length;
  await inPool(ours, CONCURRENCY, async (a) => {
    const roll = random(seed * 17 + jobReferrals.get(a.referralId)!.index)();
    if (a.status !== 'new' || roll >= 0.75) return;
    const change =
      roll < 0.4
        ? { status: 'hired', startDate: '2027-01-04', contractType: 'fixed-term' }
        : roll < 0.65
          ? { status: 'interview', interviewAt: '2027-01-12T02:00:00.000Z' }
          : { status: 'declined', reason: 'skills-mismatch' };
    const reply = await users[a.slug]!.call('PATCH', `/api/employers/applications/${a.id}`, change);
    if (reply.status === 409) return; // the job is full: the application stays as it is
    if (count(t, `application ${a.id} → ${change.status}`, reply) && change.status === 'hired') hired++;
  });
  return { seen: ours.length, hired };
}

/** Enrolments the college holds for the seed's course referrals (colleges enrol on referral while seats last). */
export async function countEnrolments(college: GatewayUser, courses: { id: string }[], referrals: Referral[]) {
  const referred = new Set(referrals.filter((r) => r.target.kind === 'course').map((r) => `${r.target.id}:${r.returneeId}`));
  let seen = 0;
  for (const course of courses) {
    const enrolments = await listAll(college, `/api/colleges/courses/${course.id}/enrollments`);
    seen += enrolments.filter((e) => referred.has(`${e.cohortId}:${e.returneeId}`)).length;
  }
  return seen;
}

/** A one-page PDF with no script: what the loans service's content check accepts. */
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const LOAN_DOCUMENTS = ['loan-request', 'use-of-funds-plan', 'commune-confirmation'] as const;

/**
 * Officers fill in a production-loan application for each loan referral (Decision 22/2023); most are
 * completed with their documents and sent to the bank, where a reviewer takes some of them.
 */
export async function seedLoans(
  users: Record<string, GatewayUser>,
  seed: number,
  referrals: Referral[],
  returnees: Map<string, SeededReturnee>,
  t: Tally,
) {
  const { officer, bank } = users as { officer: GatewayUser; bank: GatewayUser };
  const loans = referrals.filter((r) => r.target.kind === 'loan');
  let submitted = 0;
  await inPool(loans, CONCURRENCY, async (r) => {
    const rand = random(seed * 23 + r.index);
    const communeCode = returnees.get(r.returneeId)!.body.address.communeCode;
    const body = {
      returneeId: r.returneeId,
      referralId: r.id,
      purpose: 'production',
      amountVnd: (20 + Math.floor(rand() * 8) * 10) * 1_000_000,
      termMonths: [24, 36, 48, 60][Math.floor(rand() * 4)],
      plan: ['Nuôi bò sinh sản', 'Nuôi gà thả vườn', 'Mở tiệm sửa xe máy', 'Trồng nấm rơm', 'Mua máy hàn, nhận gia công'][
        Math.floor(rand() * 5)
      ],
      provinceCode: DEMO.provinceCode,
      communeCode,
      borrower: { kind: 'household-representative', representativeName: 'Người đại diện hộ (demo)', relationship: 'vợ/chồng' },
      savingsGroup: { name: `Tổ tiết kiệm và vay vốn xã ${communeCode} (demo)` },
      entrustedVia: 'hoi-nong-dan',
      ...(bank.orgId && { branchOrgId: bank.orgId }),
      confirmation: { form: '01', number: `${100 + r.index}/XN-UBND`, issuedOn: '2026-11-02', communeCode },
    };
    const key = `seed-demo-${seed}-loan-${r.index}`;
    const created = await officer.call('POST', '/api/loans/applications', body, key);
    if (!count(t, `loan ${r.index}`, created)) return;
    if (rand() >= 0.7 || created.body.status !== 'draft' || !created.body.eligibility?.eligible) return;
    const id = String(created.body.id);
    const current = await officer.call('GET', `/api/loans/applications/${id}`);
    if (current.body?.status !== 'draft') return; // sent on an earlier run
    const have = new Set((current.body.documents ?? []).map((d: { kind: string }) => d.kind));
    for (const kind of LOAN_DOCUMENTS.filter((k) => !have.has(k))) {
      await officer.upload(
        `/api/loans/applications/${id}/documents?kind=${kind}&fileName=${kind}.pdf`,
        PDF,
        'application/pdf',
        `${key}-${kind}`,
      );
    }
    const sent = await officer.call('POST', `/api/loans/applications/${id}/submit`);
    if (sent.status !== 200) return;
    submitted++;
    if (rand() < 0.5) await bank.call('POST', `/api/loans/applications/${id}/assign`, {});
  });
  return submitted;
}
