/**
 * The fault run's workload: a steady open-loop rate of business requests
 * through the gateway (postings, job and course referrals, hires, loan
 * applications), each a client that retries with its Idempotency-Key. What was
 * accepted (a final 2xx) is remembered so the effects can be counted after.
 *
 * Nothing in the window waits on an event of another service: referrals name
 * jobs and cohorts cases knew before the window (a job posted while Kafka is
 * down is unknown to cases until the broker is back: 409 TARGET_NOT_YET_KNOWN),
 * and hires move applications that existed in employers before the window.
 * So the request rate does not fall when Kafka does, and no kind is skipped.
 */
import { DEMO } from '@hoanhap/reference';
import { quantile } from '../../bench/quantile';
import { call, type Answer, type Session } from './fault-client';

export type Kind = 'posting' | 'job-referral' | 'hire' | 'course-referral' | 'loan-application';
export const KINDS: Kind[] = ['posting', 'job-referral', 'hire', 'course-referral', 'loan-application'];

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

export const emptyAccepted = (): Accepted => ({ jobs: [], jobReferrals: [], hires: [], courseReferrals: [], loans: [] });

/**
 * A request the client gave up on without a final answer (deadline passed on a network error or a 5xx): it may
 * or may not have taken effect. Its effect is allowed once or not at all — never twice — and is not counted as
 * a duplicate of the accepted ones.
 */
export interface Unsure {
  kind: Kind;
  /** The marker a posting, referral or loan application carries. */
  marker?: string;
  /** A hire's application and job. */
  applicationId?: string;
  jobId?: string;
}

/** An application made before the window, for a hire in it. */
export interface Hireable {
  referralId: string;
  applicationId: string;
  jobId: string;
}

/** What the setup made ready: everything named here is known to every service that checks it. */
export interface Plan {
  returneeIds: string[];
  cohortIds: string[];
  /** Returnees loans knows (each had a loan application in the setup): the window's loan applications name them. */
  loanReturneeIds: string[];
  /** Open jobs cases knows (a referral to them is accepted at once), with openings to spare. */
  jobIds: string[];
  hireable: Hireable[];
  /** Unused (target, returnee) pairs: one referral of a returnee to a target. */
  jobPairs: Pairs;
  cohortPairs: Pairs;
}

/** One request of the window: when it started and ended (ms after the window opened), its kind and final answer. */
export interface Sample {
  kind: Kind;
  startedMs: number;
  answeredMs: number;
  status: number;
  attempts: number;
  replayed: boolean;
}

export interface LoadResult {
  accepted: Accepted;
  samples: Sample[];
  refused: { kind: Kind; status: number; body: unknown }[];
  /** The refused requests without a final answer, whose effect may exist. */
  unsure: Unsure[];
  /** Hire slots that found no application left and posted a job instead. */
  substituted: number;
  /** How long the window lasted (≥ the asked duration: it also covers every fault until recovered). */
  windowMs: number;
}

/**
 * The mix, per 20 requests: 10 postings, 3 job referrals, 3 hires, 1 course referral (an enrolment), 3 loan
 * applications. Postings lead, as at national scale (ARCHITECTURE §8: 50k open jobs, 10k loan applications a
 * month). Referrals and loan applications are held to 4/s and 3/s: every one appends to the service's hash-chained
 * audit log, whose append reads the chain's head with a sort that FerretDB 1.x cannot push down — a scan of the
 * whole log, serialised per process (@hoanhap/audit; 140 ms at 500 rows, 280 ms at 1,000 on the loaded machine),
 * so cases and loans each take only a few audited writes a second, fewer as the log grows.
 */
export const MIX: Record<Kind, number> = { posting: 10, 'job-referral': 3, hire: 3, 'course-referral': 1, 'loan-application': 3 };
const MIX_TOTAL = Object.values(MIX).reduce((a, b) => a + b, 0);
export const shareOf = (kind: Kind) => MIX[kind] / MIX_TOTAL;

/** The kinds in an evenly interleaved cycle (smooth weighted round robin): every second sees the whole mix. */
function cycle(): Kind[] {
  const current = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  const out: Kind[] = [];
  for (let i = 0; i < MIX_TOTAL; i++) {
    for (const kind of KINDS) current.set(kind, current.get(kind)! + MIX[kind]);
    const best = KINDS.reduce((a, b) => (current.get(b)! > current.get(a)! ? b : a));
    current.set(best, current.get(best)! - MIX_TOTAL);
    out.push(best);
  }
  return out;
}

/** Unused (target, returnee) pairs in a shuffled order. */
export class Pairs {
  private readonly queue: [string, string][];
  constructor(targets: string[], returnees: string[]) {
    this.queue = targets.flatMap((t) => returnees.map((r): [string, string] => [t, r]));
    for (let i = this.queue.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this.queue[i], this.queue[j]] = [this.queue[j]!, this.queue[i]!];
    }
  }
  /** The next unused pair (to one of `only`, when given). */
  take(only?: string): [string, string] | undefined {
    const at = only === undefined ? this.queue.length - 1 : this.queue.findLastIndex(([t]) => t === only);
    return at < 0 ? undefined : this.queue.splice(at, 1)[0];
  }
  get left() {
    return this.queue.length;
  }
}

export const JOB_OPENINGS_IN_WINDOW = 3;

export function jobBody(marker: string, openings = JOB_OPENINGS_IN_WINDOW) {
  return {
    title: `Thợ hàn ${marker}`,
    occupationCode: '7212',
    skills: ['welding'],
    provinceCode: DEMO.provinceCode,
    communeCode: DEMO.communeCode,
    employmentType: 'stable',
    openings,
    wageMinVnd: 7_000_000,
    wageMaxVnd: 9_000_000,
    description: `Hàn kết cấu thép tại xưởng (${marker}).`,
    closesAt: '2099-12-31',
  };
}

export function loanBody(returneeId: string, marker: string) {
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

export const referralBody = (kind: 'job' | 'course', targetId: string, returneeId: string, marker: string) => ({
  returneeId,
  target: { kind, id: targetId },
  note: `kiểm thử sự cố ${marker}`,
});

export const HIRE_BODY = { status: 'hired', startDate: '2099-02-01', contractType: 'indefinite' } as const;

/** Markers `FT-<run>-<n>` that the count finds again in titles, notes and plans. */
export function markers(runId: string): () => string {
  let n = 0;
  return () => `FT-${runId}-${++n}`;
}

/**
 * A client's deadline for one request: long enough to outlast a broker that takes minutes to come back and the
 * backlog after it (on the loaded machine some requests were answered only 5 minutes after they were sent).
 */
export const CLIENT_DEADLINE_MS = 600_000;

/**
 * Runs the mix at `ratePerSecond` for at least `minDurationMs`, and on until `until` resolves (the last fault
 * recovered), so that every fault falls inside the window; resolves when every request started has its final answer.
 */
export async function runLoad(
  gatewayUrl: string,
  sessions: Sessions,
  plan: Plan,
  accepted: Accepted,
  options: {
    ratePerSecond: number;
    minDurationMs: number;
    until: Promise<unknown>;
    nextMarker: () => string;
    /** Told every 10 s how the window goes. */
    progress?: (line: string) => void;
  },
): Promise<LoadResult> {
  const samples: Sample[] = [];
  const refused: LoadResult['refused'] = [];
  const unsure: Unsure[] = [];
  let substituted = 0;
  const hireable = [...plan.hireable];
  const deadlineMs = CLIENT_DEADLINE_MS;

  type Operation = (marker: string) => Promise<[Answer, () => void, Omit<Unsure, 'kind'>]>;
  const operations: Record<Kind, Operation> = {
    posting: async (marker) => {
      const answer = await call(gatewayUrl, sessions.employer, 'POST', '/api/employers/jobs', jobBody(marker), { deadlineMs });
      return [answer, () => accepted.jobs.push({ id: answer.body.id, marker, openings: JOB_OPENINGS_IN_WINDOW }), { marker }];
    },
    'job-referral': async (marker) => {
      const [jobId, returneeId] = plan.jobPairs.take()!;
      const answer = await call(
        gatewayUrl,
        sessions.officer,
        'POST',
        '/api/cases/referrals',
        referralBody('job', jobId, returneeId, marker),
        {
          deadlineMs,
        },
      );
      return [answer, () => accepted.jobReferrals.push({ id: answer.body.id, marker, jobId, returneeId }), { marker }];
    },
    hire: async () => {
      const { referralId, applicationId, jobId } = hireable.shift()!;
      // one Idempotency-Key for every attempt: a retry after a lost answer gets the first answer, never a second hire
      const answer = await call(gatewayUrl, sessions.employer, 'PATCH', `/api/employers/applications/${applicationId}`, HIRE_BODY, {
        deadlineMs,
      });
      return [answer, () => accepted.hires.push({ referralId, applicationId, jobId }), { applicationId, jobId }];
    },
    'course-referral': async (marker) => {
      const [cohortId, returneeId] = plan.cohortPairs.take()!;
      const answer = await call(
        gatewayUrl,
        sessions.officer,
        'POST',
        '/api/cases/referrals',
        referralBody('course', cohortId, returneeId, marker),
        { deadlineMs },
      );
      return [answer, () => accepted.courseReferrals.push({ id: answer.body.id, marker, cohortId, returneeId }), { marker }];
    },
    'loan-application': async (marker) => {
      const returneeId = plan.loanReturneeIds[Math.floor(Math.random() * plan.loanReturneeIds.length)]!;
      const answer = await call(gatewayUrl, sessions.officer, 'POST', '/api/loans/applications', loanBody(returneeId, marker), {
        deadlineMs,
      });
      return [answer, () => accepted.loans.push({ id: answer.body.id, marker, returneeId }), { marker }];
    },
  };

  const kinds = cycle();
  let faultsDone = false;
  const done = () => {
    faultsDone = true;
  };
  // the fault sequence's own failure is reported by the caller; here it only ends the window
  options.until.then(done, done);
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  const ticker = setInterval(() => {
    const ok = samples.filter((x) => x.status >= 200 && x.status < 300).length;
    const elapsed = (Date.now() - started) / 1000;
    options.progress?.(
      `  +${elapsed.toFixed(0)}s: ${inFlight.length} started (${(inFlight.length / elapsed).toFixed(1)}/s), ${samples.length} answered, ` +
        `${ok} accepted, ${inFlight.length - samples.length} waiting`,
    );
  }, 10_000);
  for (let i = 0; Date.now() - started < options.minDurationMs || !faultsDone; i++) {
    // open loop: the n-th request starts at n / rate whatever the previous ones are doing
    // always through the timer queue, even when late: a loop that never yields starves every request it started
    const due = started + (i * 1000) / options.ratePerSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    let kind = kinds[i % kinds.length]!;
    const short =
      (kind === 'hire' && hireable.length === 0) ||
      (kind === 'job-referral' && plan.jobPairs.left === 0) ||
      (kind === 'course-referral' && plan.cohortPairs.left === 0);
    if (short) {
      substituted++;
      kind = 'posting';
    }
    const startedMs = Date.now() - started;
    inFlight.push(
      operations[kind](options.nextMarker()).then(([answer, remember, what]) => {
        samples.push({
          kind,
          startedMs,
          answeredMs: Date.now() - started,
          status: answer.status,
          attempts: answer.attempts,
          replayed: answer.replayed,
        });
        if (answer.status >= 200 && answer.status < 300) remember();
        else {
          refused.push({ kind, status: answer.status, body: answer.body });
          if (answer.status === 0 || answer.status >= 500) unsure.push({ kind, ...what });
        }
      }),
    );
  }
  const windowMs = Date.now() - started;
  await Promise.all(inFlight);
  clearInterval(ticker);
  return { accepted, samples, refused, unsure, substituted, windowMs };
}

/** The figures of the window: offered and accepted rates, per second and per kind, retries and latencies. */
export function summarise(result: LoadResult) {
  const { samples, windowMs } = result;
  const seconds = windowMs / 1000;
  const whole = Math.floor(seconds);
  const perSecond = Array.from({ length: whole }, () => 0);
  for (const s of samples) if (s.startedMs < whole * 1000) perSecond[Math.floor(s.startedMs / 1000)]!++;
  const sortedPerSecond = [...perSecond].sort((a, b) => a - b);
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300);
  const latencies = ok.map((s) => s.answeredMs - s.startedMs).sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    KINDS.map((kind) => {
      const mine = samples.filter((s) => s.kind === kind);
      const done = mine.filter((s) => s.status >= 200 && s.status < 300);
      const ms = done.map((s) => s.answeredMs - s.startedMs).sort((a, b) => a - b);
      return [kind, { sent: mine.length, accepted: done.length, p50Ms: quantile(ms, 0.5), p99Ms: quantile(ms, 0.99) }];
    }),
  ) as Record<Kind, { sent: number; accepted: number; p50Ms: number; p99Ms: number }>;
  const lastAnswerMs = Math.max(0, ...samples.map((s) => s.answeredMs));
  return {
    windowSeconds: seconds,
    sent: samples.length,
    accepted: ok.length,
    offeredPerSecond: samples.length / seconds,
    /** Of the requests started in the window, accepted per second of the window. */
    acceptedPerSecond: ok.length / seconds,
    /** Started per whole second of the window: the steadiness of the offered load. */
    perSecondMin: sortedPerSecond[0] ?? 0,
    perSecondMedian: quantile(sortedPerSecond, 0.5),
    perSecondMax: sortedPerSecond[sortedPerSecond.length - 1] ?? 0,
    answeredInWindow: ok.filter((s) => s.answeredMs <= windowMs).length,
    lastAnswerSeconds: lastAnswerMs / 1000,
    httpAttempts: samples.reduce((sum, s) => sum + s.attempts, 0),
    retried: samples.filter((s) => s.attempts > 1).length,
    replayed: samples.filter((s) => s.replayed).length,
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP99Ms: quantile(latencies, 0.99),
    latencyMaxMs: latencies[latencies.length - 1] ?? 0,
    byKind,
  };
}
