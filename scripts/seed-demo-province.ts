/**
 * npm run seed:demo [-- --count 300 --seed 40 --gateway http://127.0.0.1:8080]
 *
 * A realistic demo province (Nghệ An, "40"): a few hundred returnees, the demo employers' jobs, the demo
 * college's courses and cohorts, referrals, interviews and hires, enrolments and loan applications —
 * created through the public API at the gateway as the demo users, as the web app would. Every creation
 * carries an Idempotency-Key derived from the seed, so a second run adds nothing. Never in production.
 */
import { DEMO } from '@hoanhap/reference';
import { demoCommunes } from './seed/demo-data';
import { login } from './seed/gateway-client';
import {
  ensureOrganisations,
  countEnrolments,
  eventually,
  referralPlan,
  seedCourses,
  seedJobs,
  seedLoans,
  seedOutcomes,
  seedReferrals,
  seedReturnees,
  tally,
  type Tally,
} from './seed/seed-steps';

export interface SeedOptions {
  gatewayUrl: string;
  /** Returnees to register (jobs and courses scale with it). */
  count?: number;
  seed?: number;
  password?: string;
  say?: (line: string) => void;
}

export interface SeedResult {
  returnees: Tally;
  jobs: Tally;
  courses: Tally;
  referrals: Tally;
  outcomes: Tally;
  loans: Tally;
  /** Applications the employers received for the seed's job referrals (events crossed services). */
  applicationsSeen: number;
  hired: number;
  /** Loan applications sent to the bank by this run. */
  loansSubmitted: number;
  enrolmentsSeen: number;
  ms: number;
}

export const DEFAULT_COUNT = 300;
export const DEFAULT_SEED = 40;

export async function seedDemoProvince(options: SeedOptions): Promise<SeedResult> {
  if (process.env.APP_ENV === 'production') throw new Error('seed:demo never runs with APP_ENV=production');
  const started = Date.now();
  const say = options.say ?? (() => undefined);
  const count = options.count ?? DEFAULT_COUNT;
  const seed = options.seed ?? DEFAULT_SEED;
  const password = options.password ?? 'demo1234';
  const slugs = ['officer', 'employer', 'employer2', 'college', 'bank'] as const;
  const users = Object.fromEntries(
    await Promise.all(slugs.map(async (slug) => [slug, await login(options.gatewayUrl, `${slug}@demo.vn`, password)] as const)),
  );
  const t = {
    returnees: tally(),
    jobs: tally(),
    courses: tally(),
    referrals: tally(),
    outcomes: tally(),
    loans: tally(),
  };
  const communes = demoCommunes();

  say('tổ chức mẫu / demo organisations…');
  await ensureOrganisations(users);
  say(`việc làm và khóa học / jobs and courses…`);
  const [jobs, courses] = await Promise.all([
    seedJobs(users, seed, Math.max(4, Math.round(count / 8)), communes, t.jobs),
    seedCourses(users.college!, seed, Math.max(2, Math.min(12, Math.round(count / 25))), t.courses),
  ]);
  say(`${count} người chấp hành xong án phạt tù / returnees…`);
  const returnees = await seedReturnees(users.officer!, seed, count, communes, t.returnees, (done) => {
    if (done % 10 === 0 || done === count) say(`${done}/${count} người/returnees`);
  });
  const plan = referralPlan(seed, returnees, jobs, courses);
  say(`${plan.length} giới thiệu / referrals…`);
  const referrals = await seedReferrals(users.officer!, seed, plan, t.referrals);
  const byId = new Map(returnees.map((r) => [r.id, r]));
  const loansSubmitted = await seedLoans(users, seed, referrals, byId, t.loans);

  say('kết quả tuyển dụng và ghi danh / hires and enrolments…');
  const jobReferrals = referrals.filter((r) => r.target.kind === 'job').length;
  const referralIds = new Set(referrals.map((r) => r.id));
  await eventually(
    async () => {
      const lists = await Promise.all(['employer', 'employer2'].map((s) => users[s]!.call('GET', '/api/employers/applications?limit=200')));
      return lists.flatMap((l) => (l.body?.items ?? []) as { referralId: string }[]).filter((a) => referralIds.has(a.referralId));
    },
    Math.min(jobReferrals, 200),
  );
  const { seen: applicationsSeen, hired } = await seedOutcomes(users, seed, referrals, t.outcomes);
  const enrolmentsSeen = await countEnrolments(users.college!, courses, referrals);
  return { ...t, applicationsSeen, hired, enrolmentsSeen, loansSubmitted, ms: Date.now() - started };
}

const both = (x: Tally) => `${x.created + x.existing}${x.created ? ` (+${x.created})` : ''}`;

/** One line: what the province holds now, and what this run added. */
export function summary(r: SeedResult): string {
  const failed = Object.entries(r).filter(([, v]) => typeof v === 'object' && (v as Tally).failed > 0);
  return (
    `Tỉnh mẫu Nghệ An (${DEMO.provinceCode}) / demo province: ${both(r.returnees)} người/returnees, ${both(r.jobs)} việc làm/jobs, ` +
    `${both(r.courses)} khóa học/courses, ${both(r.referrals)} giới thiệu/referrals, ${r.applicationsSeen} hồ sơ ứng tuyển/applications, ` +
    `${both(r.loans)} hồ sơ vay/loan applications (+${r.loansSubmitted} gửi ngân hàng/submitted), ${r.hired} được tuyển/hired, ${r.enrolmentsSeen} ghi danh/enrolments` +
    ` — ${(r.ms / 1000).toFixed(0)}s` +
    (failed.length ? `; lỗi/failed: ${failed.map(([k, v]) => `${k} ${(v as Tally).failed} (${(v as Tally).errors[0]})`).join('; ')}` : '')
  );
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const gatewayUrl = arg('gateway') ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
  seedDemoProvince({
    gatewayUrl,
    count: Number(arg('count') ?? DEFAULT_COUNT),
    seed: Number(arg('seed') ?? DEFAULT_SEED),
    say: (line) => console.log(`[seed] ${line}`),
  }).then(
    (result) => console.log(`[seed] ${summary(result)}`),
    (error: unknown) => {
      console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
