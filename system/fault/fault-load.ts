/**
 * The fault run's workload: a steady open-loop rate of business requests
 * through the gateway (postings, job and course referrals, hires, loan
 * applications), each a client that retries with its Idempotency-Key. What was
 * accepted (a final 2xx) is remembered so the effects can be counted after.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { DEMO } from '@hoanhap/reference';
import { call, type Answer, type Session } from './fault-client';

export type Kind = 'posting' | 'job-referral' | 'hire' | 'course-referral' | 'loan-application';

export interface Sessions {
  officer: Session;
  employer: Session;
  college: Session;
}

export interface Accepted {
  jobs: { id: string; marker: string; openings: number }[];
  jobReferrals: { id: string; marker: string; jobId: string; returneeId: string }[];
  hires: { referralId: string; applicationId: string; jobId: string }[];
  courseReferrals: { id: string; marker: string; cohortId: string; returneeId: string }[];
  loans: { id: string; marker: string; returneeId: string }[];
}

export interface LoadResult {
  accepted: Accepted;
  sent: Record<Kind, number>;
  refused: { kind: Kind; status: number; body: unknown }[];
  skipped: number;
}

const OPENINGS = 3;
const MIX: [Kind, number][] = [
  ['posting', 0.3],
  ['job-referral', 0.25],
  ['hire', 0.2],
  ['course-referral', 0.1],
  ['loan-application', 0.15],
];

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

function jobBody(marker: string) {
  return {
    title: `Thợ hàn ${marker}`,
    occupationCode: '7212',
    skills: ['welding'],
    provinceCode: DEMO.provinceCode,
    communeCode: DEMO.communeCode,
    employmentType: 'stable',
    openings: OPENINGS,
    wageMinVnd: 7_000_000,
    wageMaxVnd: 9_000_000,
    description: `Hàn kết cấu thép tại xưởng (${marker}).`,
    closesAt: '2099-12-31',
  };
}

function loanBody(returneeId: string, marker: string) {
  return {
    returneeId,
    purpose: 'production',
    amountVnd: 80_000_000,
    termMonths: 36,
    plan: `Nuôi 20 con dê giống tại xã, bán thịt sau 8 tháng (${marker})`,
    borrower: { kind: 'household-representative', representativeName: 'Nguyễn Thị Hoa', relationship: 'mẹ' },
    confirmation: { form: '01', number: '15/XN-UBND', issuedOn: '2026-01-10', communeCode: DEMO.communeCode },
    savingsGroup: { name: 'Tổ TK&VV khối 3' },
    entrustedVia: 'hoi-nong-dan',
  };
}

/** Runs the mix at `ratePerSecond` for `durationMs`; resolves when every request started has its final answer. */
export async function runLoad(
  gatewayUrl: string,
  sessions: Sessions,
  fixtures: { returneeIds: string[]; cohortIds: string[] },
  ratePerSecond: number,
  durationMs: number,
  runId: string,
): Promise<LoadResult> {
  const accepted: Accepted = { jobs: [], jobReferrals: [], hires: [], courseReferrals: [], loans: [] };
  const sent: Record<Kind, number> = { posting: 0, 'job-referral': 0, hire: 0, 'course-referral': 0, 'loan-application': 0 };
  const refused: LoadResult['refused'] = [];
  const usedPairs = new Set<string>();
  const hiresPerJob = new Map<string, number>();
  const hireTaken = new Set<string>();
  let seq = 0;
  let skipped = 0;

  const refer = (kind: 'job' | 'course', targetId: string, returneeId: string, marker: string) =>
    call(gatewayUrl, sessions.officer, 'POST', '/api/cases/referrals', {
      returneeId,
      target: { kind, id: targetId },
      note: `kiểm thử sự cố ${marker}`,
    });

  const freshPair = (targetId: string): string | undefined => {
    for (let i = 0; i < 20; i++) {
      const returneeId = pick(fixtures.returneeIds)!;
      if (!usedPairs.has(`${targetId}/${returneeId}`)) {
        usedPairs.add(`${targetId}/${returneeId}`);
        return returneeId;
      }
    }
    return undefined;
  };

  const operations: Record<Kind, (marker: string) => Promise<[Answer, () => void] | undefined>> = {
    posting: async (marker) => {
      const answer = await call(gatewayUrl, sessions.employer, 'POST', '/api/employers/jobs', jobBody(marker));
      return [answer, () => accepted.jobs.push({ id: answer.body.id, marker, openings: OPENINGS })];
    },
    'job-referral': async (marker) => {
      const job = pick(accepted.jobs);
      const returneeId = job && freshPair(job.id);
      if (!job || !returneeId) return undefined;
      const answer = await refer('job', job.id, returneeId, marker);
      return [answer, () => accepted.jobReferrals.push({ id: answer.body.id, marker, jobId: job.id, returneeId })];
    },
    hire: async () => {
      const referral = accepted.jobReferrals.find((r) => !hireTaken.has(r.id) && (hiresPerJob.get(r.jobId) ?? 0) < OPENINGS);
      if (!referral) return undefined;
      hireTaken.add(referral.id);
      hiresPerJob.set(referral.jobId, (hiresPerJob.get(referral.jobId) ?? 0) + 1);
      // the application appears in employers once the referral's event got there: find it, then hire
      const listed = await call(gatewayUrl, sessions.employer, 'GET', `/api/employers/jobs/${referral.jobId}/applications`, undefined, {
        retryAlso: (status, body) => status === 200 && !body.items?.some((a: any) => a.referralId === referral.id),
      });
      const application = listed.body?.items?.find((a: any) => a.referralId === referral.id);
      if (!application) return [listed, () => undefined];
      const answer = await call(gatewayUrl, sessions.employer, 'PATCH', `/api/employers/applications/${application.id}`, {
        status: 'hired',
        startDate: '2099-02-01',
        contractType: 'indefinite',
      });
      // PATCH takes no Idempotency-Key: a retry after a lost answer meets its own hire (409 from `hired`), which a
      // client reads as done — as it would after looking the application up
      const hiredBefore = answer.attempts > 1 && answer.body?.code === 'APPLICATION.TRANSITION_ILLEGAL' && answer.body?.from === 'hired';
      const final = hiredBefore ? { ...answer, status: 200 } : answer;
      return [final, () => accepted.hires.push({ referralId: referral.id, applicationId: application.id, jobId: referral.jobId })];
    },
    'course-referral': async (marker) => {
      const cohortId = pick(fixtures.cohortIds)!;
      const returneeId = freshPair(cohortId);
      if (!returneeId) return undefined;
      const answer = await refer('course', cohortId, returneeId, marker);
      return [answer, () => accepted.courseReferrals.push({ id: answer.body.id, marker, cohortId, returneeId })];
    },
    'loan-application': async (marker) => {
      const returneeId = pick(fixtures.returneeIds)!;
      const answer = await call(gatewayUrl, sessions.officer, 'POST', '/api/loans/applications', loanBody(returneeId, marker));
      return [answer, () => accepted.loans.push({ id: answer.body.id, marker, returneeId })];
    },
  };

  const chooseKind = (): Kind => {
    let r = Math.random();
    for (const [kind, share] of MIX) if ((r -= share) < 0) return kind;
    return 'posting';
  };

  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  for (let i = 0; Date.now() - started < durationMs; i++) {
    // open loop: the n-th request starts at n / rate whatever the previous ones are doing
    // always through the timer queue, even when late: a loop that never yields starves every request it started
    const due = started + (i * 1000) / ratePerSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const kind = seq < 10 ? 'posting' : chooseKind();
    const marker = `FT-${runId}-${++seq}`;
    inFlight.push(
      operations[kind](marker).then((outcome) => {
        if (!outcome) {
          skipped++;
          return;
        }
        sent[kind]++;
        const [answer, remember] = outcome;
        if (answer.status >= 200 && answer.status < 300) remember();
        else refused.push({ kind, status: answer.status, body: answer.body });
      }),
    );
  }
  await Promise.all(inFlight);
  return { accepted, sent, refused, skipped };
}
