/**
 * Counts, in every downstream store, the effects of the requests the load got
 * a 2xx for: each must be there exactly once. Read straight from each
 * service's own database (and matching's in-memory read model through its
 * API), so nothing the services answer can hide a lost or doubled write.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- documents are read loosely */
import { mongo } from 'mongoose';
import { call, type Session } from './fault-client';
import type { Accepted, Kind, Unsure } from './fault-load';

export interface Row {
  store: string;
  effect: string;
  accepted: number;
  found: number;
  lost: number;
  duplicated: number;
  /** Effects of requests given up without a final answer that did happen (once: allowed; twice would be duplicated). */
  unanswered: number;
}

/**
 * One row: `counts` maps each accepted key to how many times its effect was found. `unsureKeys` are the keys of
 * requests given up without a final answer: each may be there once or not at all, never more.
 */
function row(store: string, effect: string, keys: string[], counts: Map<string, number>, extra = 0, unsureKeys: string[] = []): Row {
  let found = 0;
  let lost = 0;
  let duplicated = extra;
  for (const key of keys) {
    const n = counts.get(key) ?? 0;
    if (n === 0) lost++;
    else found++;
    duplicated += Math.max(0, n - 1);
  }
  let unanswered = 0;
  for (const key of unsureKeys) {
    const n = counts.get(key) ?? 0;
    if (n > 0) unanswered++;
    duplicated += Math.max(0, n - 1);
  }
  return { store, effect, accepted: keys.length, found, lost, duplicated, unanswered };
}

function tally(values: unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return counts;
}

const markerOf = (text: unknown) => /FT-[\w-]+?-\d+/.exec(String(text))?.[0];

export async function countEffects(
  mongoUrl: string,
  namespace: string,
  accepted: Accepted,
  matching: { gatewayUrl: string; employer: Session },
  unsure: Unsure[] = [],
): Promise<Row[]> {
  const unsureMarkers = (kind: Kind) => unsure.filter((u) => u.kind === kind && u.marker).map((u) => u.marker!);
  const client = await mongo.MongoClient.connect(mongoUrl);
  const db = (service: string) => client.db(`${namespace}_${service}`);
  const all = (service: string, collection: string, filter: object = {}, projection: object = {}) =>
    db(service).collection(collection).find(filter, { projection }).toArray() as Promise<any[]>;
  try {
    const rows: Row[] = [];
    const jobs = await all('employers', 'jobs', {}, { title: 1, filled: 1 });
    rows.push(
      row(
        'employers',
        'jobs posted',
        accepted.jobs.map((j) => j.marker),
        tally(jobs.map((j) => markerOf(j.title))),
        0,
        unsureMarkers('posting'),
      ),
    );

    const known = await Promise.all(
      accepted.jobs.map(async (job) => {
        const answer = await call(
          matching.gatewayUrl,
          matching.employer,
          'GET',
          `/api/matching/jobs/${job.id}/candidates?limit=1`,
          undefined,
          {
            deadlineMs: 5_000,
          },
        );
        // a job filled by the run's hires is known but no longer open: present all the same
        return answer.status === 200 || answer.body?.code === 'MATCHING.JOB_NOT_OPEN' ? job.marker : undefined;
      }),
    );
    rows.push(
      row(
        'matching',
        'jobs in the read model',
        accepted.jobs.map((j) => j.marker),
        tally(known.filter(Boolean)),
      ),
    );

    const referrals = await all('cases', 'referrals', {}, { note: 1, status: 1, side: 1 });
    const byMarker = tally(referrals.map((r) => markerOf(r.note)));
    rows.push(
      row(
        'cases',
        'job referrals',
        accepted.jobReferrals.map((r) => r.marker),
        byMarker,
        0,
        unsureMarkers('job-referral'),
      ),
    );
    rows.push(
      row(
        'cases',
        'course referrals',
        accepted.courseReferrals.map((r) => r.marker),
        byMarker,
        0,
        unsureMarkers('course-referral'),
      ),
    );

    const applications = await all('employers', 'applications', {}, { referralId: 1, status: 1 });
    rows.push(
      row(
        'employers',
        'applications (job referrals)',
        accepted.jobReferrals.map((r) => r.id),
        tally(applications.map((a) => a.referralId)),
      ),
    );
    const hiredApplications = applications.filter((a) => a.status === 'hired').map((a) => a.referralId);
    rows.push(
      row(
        'employers',
        'hires (applications hired)',
        accepted.hires.map((h) => h.referralId),
        tally(hiredApplications),
      ),
    );
    const filled = new Map(jobs.map((j) => [String(j._id), Number(j.filled ?? 0)]));
    // a hire given up without an answer that did happen fills its opening too: expected on its job, not extra
    const hiredIds = new Set(applications.filter((a) => a.status === 'hired').map((a) => String(a._id)));
    const unsureHired = unsure.filter((u) => u.kind === 'hire' && u.applicationId && hiredIds.has(u.applicationId));
    const hiresPerJob = tally([...accepted.hires, ...unsureHired].map((h) => h.jobId));
    const overFilled = [...hiresPerJob].reduce((sum, [jobId, n]) => sum + Math.max(0, (filled.get(jobId) ?? 0) - n), 0);
    const underFilled = [...hiresPerJob].reduce((sum, [jobId, n]) => sum + Math.max(0, n - (filled.get(jobId) ?? 0)), 0);
    rows.push({
      store: 'employers',
      effect: 'openings filled by hires',
      accepted: accepted.hires.length,
      found: accepted.hires.length - underFilled,
      lost: underFilled,
      duplicated: overFilled,
      unanswered: unsureHired.length,
    });
    const succeeded = referrals.filter((r) => r.status === 'succeeded' && r.side?.status === 'hired').map((r) => String(r._id));
    rows.push(
      row(
        'cases',
        'hires (referral succeeded)',
        accepted.hires.map((h) => h.referralId),
        tally(succeeded),
      ),
    );

    const enrolments = await all('colleges', 'enrolments', {}, { referralId: 1, status: 1 });
    rows.push(
      row(
        'colleges',
        'enrolments (course referrals)',
        accepted.courseReferrals.map((r) => r.id),
        tally(enrolments.map((e) => e.referralId)),
      ),
    );

    const loans = await all('loans', 'applications', {}, { plan: 1 });
    rows.push(
      row(
        'loans',
        'loan applications',
        accepted.loans.map((l) => l.marker),
        tally(loans.map((l) => markerOf(l.plan))),
        0,
        unsureMarkers('loan-application'),
      ),
    );

    // reports' facts are keyed by what they count, so a fact can only be missing, or extra for an effect doubled upstream
    const facts = tally((await all('reports', 'facts', {}, { _id: 1 })).map((f) => f._id));
    // postings given up without an answer that did happen are in reports too (once)
    const postedMarkers = tally(jobs.map((j) => markerOf(j.title)));
    const unsurePosted = unsureMarkers('posting').filter((m) => postedMarkers.has(m)).length;
    const extraJobs = [...facts.keys()].filter((id) => id.startsWith('job:')).length - accepted.jobs.length - unsurePosted;
    rows.push(
      row(
        'reports',
        'jobs posted',
        accepted.jobs.map((j) => `job:${j.id}`),
        facts,
        Math.max(0, extraJobs),
      ),
    );
    rows.push(
      row(
        'reports',
        'referrals created',
        [...accepted.jobReferrals, ...accepted.courseReferrals].map((r) => `referral:${r.id}`),
        facts,
      ),
    );
    rows.push(
      row(
        'reports',
        'hires',
        accepted.hires.map((h) => `hired:${h.applicationId}`),
        facts,
      ),
    );
    // reports counts an enrolment once it is `enrolled` (not while new or waitlisted)
    const courseReferralIds = new Set(accepted.courseReferrals.map((r) => r.id));
    const enrolled = enrolments
      .filter((e) => courseReferralIds.has(e.referralId) && e.status === 'enrolled')
      .map((e) => `enrolled:${e._id}`);
    rows.push(row('reports', 'enrolments', enrolled, facts));
    return rows;
  } finally {
    await client.close();
  }
}
