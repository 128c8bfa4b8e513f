/**
 * What the load needs before the window opens, made through the gateway and
 * waited for until every service that checks it knows it: consenting
 * returnees (known to loans), open course cohorts and jobs (known to cases),
 * and applications in employers, one per hire the window will make. Every
 * request accepted here is counted with the window's.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { DEMO } from '@hoanhap/reference';
import { call, type Answer } from './fault-client';
import {
  type Accepted,
  CLIENT_DEADLINE_MS,
  type Hireable,
  jobBody,
  loanBody,
  Pairs,
  type Plan,
  referralBody,
  type Sessions,
} from './fault-load';

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tuấn'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];

function returnee(i: number, run: number) {
  return {
    fullName: `${FAMILY[i % FAMILY.length]} Văn ${GIVEN[i % GIVEN.length]}`,
    dateOfBirth: `19${80 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: 'male',
    nationalId: `0${String(run % 1e7).padStart(7, '0')}${String(i).padStart(4, '0')}`,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    address: { provinceCode: DEMO.provinceCode, communeCode: DEMO.communeCodes[i % DEMO.communeCodes.length] },
    releaseDate: '2025-09-01',
    releaseKind: 'completed',
    sentence: { kind: 'prison', months: 30 },
    offenceCategory: 'theft',
    skills: ['welding'],
    needs: ['job', 'training', 'loan'],
    consent: { matching: true, shareWithEmployers: true, shareWithColleges: true, shareWithBank: true, discoverable: true },
  };
}

/** Runs `fn` over 0..count-1 with at most `width` at a time. */
async function pool<T>(count: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

function expect2xx(what: string, answer: Answer): any {
  if (answer.status < 200 || answer.status >= 300) throw new Error(`setup ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface SetupSize {
  returnees: number;
  cohorts: number;
  /** Open jobs the window's referrals and hires go to. */
  jobs: number;
  /** Applications made ready for the window's hires. */
  hires: number;
  /** Returnees made known to loans (by a loan application each) for the window's loan applications. */
  loanReturnees: number;
}

export async function prepare(
  gatewayUrl: string,
  sessions: Sessions,
  size: SetupSize,
  accepted: Accepted,
  nextMarker: () => string,
  say: (line: string) => void,
): Promise<Plan> {
  const run = Date.now() % 1e7;
  const deadlineMs = CLIENT_DEADLINE_MS;
  const returneeIds = await pool(size.returnees, 8, async (i) => {
    const answer = await call(gatewayUrl, sessions.officer, 'POST', '/api/cases/returnees', returnee(i, run), { deadlineMs });
    return expect2xx(`returnee ${i}`, answer).id as string;
  });

  const course = expect2xx(
    'course',
    await call(gatewayUrl, sessions.college, 'POST', '/api/colleges/courses', {
      title: 'Hàn điện cơ bản',
      occupationCode: '7212',
      skillsGranted: ['welding'],
      provinceCode: DEMO.provinceCode,
      startsAt: '2099-03-02',
      durationWeeks: 12,
      seats: 5000,
      tuitionVnd: 0,
    }),
  );
  for (let c = 1; c < size.cohorts; c++) {
    const body = { startsOn: `2099-${String(1 + c).padStart(2, '0')}-01`, seats: 5000, status: 'open' };
    expect2xx('cohort', await call(gatewayUrl, sessions.college, 'POST', `/api/colleges/courses/${course.id}/cohorts`, body));
  }
  const listed = await call(gatewayUrl, sessions.college, 'GET', `/api/colleges/courses/${course.id}/cohorts`);
  const cohortIds = (expect2xx('cohorts', listed).items as any[]).map((cohort) => cohort.id as string);

  // jobs with openings to spare: hires never fill them, so they stay open and referrals to them stay acceptable
  const openings = Math.ceil(size.hires / size.jobs) + 5;
  const jobIds = await pool(size.jobs, 8, async () => {
    const marker = nextMarker();
    const answer = await call(gatewayUrl, sessions.employer, 'POST', '/api/employers/jobs', jobBody(marker, openings), { deadlineMs });
    const id = expect2xx('job', answer).id as string;
    accepted.jobs.push({ id, marker, openings });
    return id;
  });
  say(`setup: ${returneeIds.length} returnees, ${cohortIds.length} cohorts, ${jobIds.length} jobs (${openings} openings each)`);

  const jobPairs = new Pairs(jobIds, returneeIds);
  const cohortPairs = new Pairs(cohortIds, returneeIds);
  const refer = async (kind: 'job' | 'course', targetId: string, returneeId: string) => {
    const marker = nextMarker();
    // the first referral to a target waits (409 + Retry-After) until cases has heard of it from Kafka
    const answer = await call(
      gatewayUrl,
      sessions.officer,
      'POST',
      '/api/cases/referrals',
      referralBody(kind, targetId, returneeId, marker),
      {
        deadlineMs,
      },
    );
    const id = expect2xx(`${kind} referral`, answer).id as string;
    if (kind === 'job') accepted.jobReferrals.push({ id, marker, jobId: targetId, returneeId });
    else accepted.courseReferrals.push({ id, marker, cohortId: targetId, returneeId });
    return id;
  };
  // one referral to each cohort: cases knows them all before the window
  await pool(cohortIds.length, 8, (c) => refer('course', cohortIds[c]!, cohortPairs.take(cohortIds[c])![1]));
  // one loan application per returnee the window's loans name: loans knows them (LOAN.RETURNEE_NOT_YET_KNOWN otherwise)
  const loanReturneeIds = returneeIds.slice(0, size.loanReturnees);
  await pool(loanReturneeIds.length, 8, async (r) => {
    const marker = nextMarker();
    const body = loanBody(loanReturneeIds[r]!, marker);
    const answer = await call(gatewayUrl, sessions.officer, 'POST', '/api/loans/applications', body, { deadlineMs });
    accepted.loans.push({ id: expect2xx('loan application', answer).id, marker, returneeId: loanReturneeIds[r]! });
  });

  // the applications the window hires: referrals spread over the jobs, then each application found in employers
  const referrals = await pool(size.hires, 16, async (h) => {
    const jobId = jobIds[h % jobIds.length]!;
    const [, returneeId] = jobPairs.take(jobId)!;
    return { jobId, referralId: await refer('job', jobId, returneeId) };
  });
  say(
    `setup: ${referrals.length} job referrals, ${cohortIds.length} course referrals, ${loanReturneeIds.length} loan applications accepted`,
  );
  const hireable: Hireable[] = (
    await pool(jobIds.length, 4, async (j) => {
      const jobId = jobIds[j]!;
      const wanted = new Set(referrals.filter((r) => r.jobId === jobId).map((r) => r.referralId));
      const has = (body: any) => [...wanted].every((id) => body?.items?.some((a: any) => a.referralId === id));
      const answer = await call(gatewayUrl, sessions.employer, 'GET', `/api/employers/jobs/${jobId}/applications?limit=200`, undefined, {
        deadlineMs,
        retryAlso: (status, body) => status === 200 && !has(body),
      });
      if (!has(answer.body)) throw new Error(`setup: the applications of job ${jobId} did not all reach employers`);
      return (answer.body.items as any[])
        .filter((a) => wanted.has(a.referralId))
        .map((a): Hireable => ({ referralId: a.referralId, applicationId: a.id, jobId }));
    })
  ).flat();
  // hires in the window go round the jobs, not one job after another
  hireable.sort((a, b) => jobIds.indexOf(a.jobId) - jobIds.indexOf(b.jobId));
  const interleaved = interleave(hireable, (h) => h.jobId);
  return { returneeIds, loanReturneeIds, cohortIds, jobIds, hireable: interleaved, jobPairs, cohortPairs };
}

/** Items grouped by `keyOf`, taken one of each group in turn. */
function interleave<T>(items: T[], keyOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  const out: T[] = [];
  while (out.length < items.length) for (const group of groups.values()) if (group.length > 0) out.push(group.shift()!);
  return out;
}
