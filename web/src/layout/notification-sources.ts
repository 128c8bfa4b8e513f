import type { TFunction } from 'i18next';
import { casesApi } from '../api/cases.api';
import { collegesApi, type Enrolment } from '../api/colleges.api';
import { employersApi } from '../api/employers.api';
import { loansApi } from '../api/loans.api';
import type { Role } from '../api/identity.api';
import { formatVnd } from '../format/format';

/** One line of the inbox: something that waits for this user, newest first. */
export interface Notice {
  key: string;
  at: string;
  text: string;
  to: string;
}

type Can = (method: string, template: string) => boolean;
const DECISIONS_SHOWN_FOR_DAYS = 14;
/** Where a decided application can be now (a loan approved this week may already be disbursed and repaying). */
const DECIDED = ['approved', 'rejected', 'disbursed', 'repaying'] as const;
const settled = async <T>(load: () => Promise<T[]>): Promise<T[]> => load().catch(() => []);

/** Officers: stale or newly answered referrals (cases' inbox) and recent loan decisions for their province. */
async function officerNotices(t: TFunction, can: Can): Promise<Notice[]> {
  const inbox = can('GET', '/api/cases/referrals/inbox')
    ? settled(() => casesApi.referralInbox({ limit: 50 }).then((p) => p.items))
    : Promise.resolve([]);
  const since = Date.now() - DECISIONS_SHOWN_FOR_DAYS * 86_400_000;
  const decided = can('GET', '/api/loans/applications')
    ? Promise.all(DECIDED.map((status) => settled(() => loansApi.list({ status, limit: 50 }).then((p) => p.items))))
    : Promise.resolve([]);
  const [referrals, decisions] = await Promise.all([inbox, decided]);
  return [
    ...referrals.map((r) => ({
      key: `referral:${r.id}`,
      // cases does not promise either time (services/cases/openapi.yaml `Referral`): without one it sorts last, shown as —
      at: r.changedAt ?? r.createdAt ?? '',
      text: r.stale
        ? t('notifications.stale', { kind: t(`referral.kind.${r.target.kind}`) })
        : t('notifications.answered', { status: t(`referral.status.${r.status}`) }),
      to: '/officer/referrals',
    })),
    // loans' `decision` promises neither its time nor its outcome: one without both is not a notice
    ...decisions.flat().flatMap((a) => {
      const { at, decision } = a.decision ?? {};
      if (!at || !decision || Date.parse(at) < since) return [];
      return [
        {
          key: `decision:${a.id}`,
          at,
          text: t('notifications.decision', { status: t(`status.${decision}`), amount: formatVnd(a.amountVnd) }),
          to: a.returneeId ? `/officer/returnees/${a.returneeId}` : '/officer',
        },
      ];
    }),
  ];
}

/** Employers: referred candidates no one has answered yet. */
async function employerNotices(t: TFunction, can: Can): Promise<Notice[]> {
  if (!can('GET', '/api/employers/applications')) return [];
  const page = await employersApi.listApplications({ status: 'new', limit: 50 });
  return page.items.map((a) => ({
    key: `application:${a.id}`,
    at: a.createdAt,
    text: t('notifications.newCandidate', { job: a.jobTitle ?? '—' }),
    to: `/employer/jobs/${a.jobId}`,
  }));
}

const ENROLMENTS_READ = 200;
const PLACED_SHOWN_FOR_DAYS = 14;
// colleges' rules: a referral lands `enrolled` on a free seat, `waitlisted` when the cohort is full, `new` while it is planned
const waitsForAnswer = (e: Enrolment) => e.status === 'new' || e.status === 'waitlisted';
const placedSince = (since: number) => (e: Enrolment) =>
  e.status === 'enrolled' && e.source === 'referral' && Date.parse(String(e.createdAt ?? '')) >= since;

/**
 * Colleges: people referred to their cohorts. A referral into an open cohort is enrolled at once, so the college
 * learns of it here (it stays listed for 14 days; read state is the user's own); one still `new` or `waitlisted`
 * waits for an answer and stays listed until it has one. Colleges have no list across courses, so the first 20
 * courses are asked, one page each (a course with more enrolments than that also asks for its `new` ones).
 */
async function collegeNotices(t: TFunction, can: Can): Promise<Notice[]> {
  if (!can('GET', '/api/colleges/courses/{id}/enrollments')) return [];
  const placed = placedSince(Date.now() - PLACED_SHOWN_FOR_DAYS * 86_400_000);
  const courses = (await collegesApi.listCourses({ limit: 20 })).items;
  const perCourse = await Promise.all(
    courses.map((c) =>
      settled(async () => {
        const page = await collegesApi.courseEnrolments(c.id, { limit: ENROLMENTS_READ });
        const waiting = page.nextCursor ? (await collegesApi.courseEnrolments(c.id, { status: 'new', limit: 50 })).items : [];
        const byId = new Map([...page.items, ...waiting].map((e) => [e.id, e]));
        return [...byId.values()]
          .filter((e) => waitsForAnswer(e) || placed(e))
          .map((e) => ({
            key: `enrolment:${e.id}`,
            at: String(e.createdAt ?? ''),
            text: t('notifications.newLearner', { course: c.title }),
            to: `/college/courses/${c.id}`,
          }));
      }),
    ),
  );
  return perCourse.flat();
}

/** Bank staff: loan files sent to their branch and not yet taken for review. */
async function bankNotices(t: TFunction, can: Can): Promise<Notice[]> {
  if (!can('GET', '/api/loans/applications')) return [];
  const page = await loansApi.list({ status: 'submitted', limit: 50 });
  return page.items.map((a) => ({
    key: `loan:${a.id}`,
    at: a.updatedAt,
    text: t('notifications.newApplication', { amount: formatVnd(a.amountVnd) }),
    to: `/bank/applications/${a.id}`,
  }));
}

/** What waits for a user of this role, newest first. */
export async function loadNotices(role: Role, t: TFunction, can: Can): Promise<Notice[]> {
  const byRole: Partial<Record<Role, () => Promise<Notice[]>>> = {
    officer: () => officerNotices(t, can),
    employer: () => employerNotices(t, can),
    college: () => collegeNotices(t, can),
    bank: () => bankNotices(t, can),
  };
  const notices = await (byRole[role]?.() ?? Promise.resolve([]));
  return notices.sort((a, b) => b.at.localeCompare(a.at));
}
