import { type Issue, locationIssues, occupationIssues, skillIssues } from './reference.rules';
import type { Job, JobFields, JobStatus } from './job.types';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A closing date without a time closes at the end of that day in Vietnam
 * (UTC+7, no daylight saving), which is what an employer writing "31/12" means.
 */
export function parseClosesAt(value: string): Date {
  return new Date(DATE_ONLY.test(value) ? `${value}T23:59:59.999+07:00` : value);
}

function wageIssues(job: Pick<JobFields, 'wageMinVnd' | 'wageMaxVnd'>): Issue[] {
  if (job.wageMinVnd <= job.wageMaxVnd) return [];
  return [
    {
      code: 'JOB.WAGE_RANGE_INVALID',
      field: 'wageMinVnd',
      rule: 'lte-wageMaxVnd',
      message: `wageMinVnd (${job.wageMinVnd}) must not exceed wageMaxVnd (${job.wageMaxVnd})`,
    },
  ];
}

function seasonIssues(job: Pick<JobFields, 'employmentType' | 'seasonStart' | 'seasonEnd'>): Issue[] {
  const given = job.seasonStart !== undefined || job.seasonEnd !== undefined;
  if (given && job.employmentType !== 'seasonal') {
    const field = job.seasonStart !== undefined ? 'seasonStart' : 'seasonEnd';
    return [{ code: 'JOB.SEASON_INVALID', field, rule: 'seasonal-only', message: `${field} applies to seasonal jobs only` }];
  }
  if (job.seasonStart && job.seasonEnd && job.seasonEnd < job.seasonStart) {
    return [
      { code: 'JOB.SEASON_INVALID', field: 'seasonEnd', rule: 'after-seasonStart', message: 'seasonEnd must not be before seasonStart' },
    ];
  }
  return [];
}

function closingIssues(closesAt: Date | undefined, now: Date): Issue[] {
  if (closesAt === undefined || closesAt.getTime() > now.getTime()) return [];
  return [{ code: 'JOB.CLOSES_IN_PAST', field: 'closesAt', rule: 'future', message: 'closesAt must be in the future' }];
}

/**
 * Everything about a job that the OpenAPI schema cannot say: codes that exist
 * in the reference data, a wage range that is a range, season dates, a
 * closing date still ahead. `changed` limits the closing-date check to
 * requests that set it, so editing the title of an expired job still works.
 */
export function jobIssues(job: JobFields, now: Date, changed: { closesAt: boolean } = { closesAt: true }): Issue[] {
  return [
    ...occupationIssues(job.occupationCode),
    ...skillIssues('skills', job.skills),
    ...skillIssues('niceToHaveSkills', job.niceToHaveSkills),
    ...locationIssues('JOB', job.provinceCode, job.communeCode),
    ...wageIssues(job),
    ...seasonIssues(job),
    ...(changed.closesAt ? closingIssues(job.closesAt, now) : []),
  ];
}

/** What a reader sees: an open job whose closing date has passed is expired, whether or not the sweep ran yet. */
export function effectiveStatus(job: Pick<Job, 'status' | 'closesAt'>, now: Date): JobStatus {
  return job.status === 'open' && job.closesAt !== undefined && job.closesAt.getTime() <= now.getTime() ? 'expired' : job.status;
}

/**
 * The moves an employer may ask for. `filled` and `expired` are never asked:
 * they follow from hires and dates. `closed` is final (post a new job instead).
 */
const EMPLOYER_MOVES: Record<JobStatus, readonly ('open' | 'closed')[]> = {
  draft: ['open', 'closed'],
  open: ['open', 'closed'],
  filled: ['closed'],
  expired: ['open', 'closed'],
  closed: [],
};

export const canEmployerMove = (from: JobStatus, to: 'open' | 'closed') => EMPLOYER_MOVES[from].includes(to);

/**
 * The status that the openings and hires imply: full → filled, a filled job
 * given more openings (or losing a hire) → open again. Drafts, closed and
 * expired jobs keep theirs.
 */
export function statusForFill(status: JobStatus, openings: number, filled: number): JobStatus {
  if (status === 'open' && filled >= openings) return 'filled';
  if (status === 'filled' && filled < openings) return 'open';
  return status;
}
