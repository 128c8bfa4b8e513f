import { canEmployerMove, effectiveStatus, jobIssues, parseClosesAt, statusForFill } from '../src/domain/job.rules';
import { fieldsOf } from '../src/domain/post-job.use-case';
import { SECTION6_JOB } from './support/fixtures';

const now = new Date('2026-01-10T03:00:00Z');

describe('job rules', () => {
  it('when closesAt is a date, then the job closes at the end of that day in Vietnam (UTC+7)', () => {
    expect(parseClosesAt('2026-01-31').toISOString()).toBe('2026-01-31T16:59:59.999Z');
    expect(parseClosesAt('2026-01-31T08:00:00+07:00').toISOString()).toBe('2026-01-31T01:00:00.000Z');
  });

  it('when an open job is past closesAt, then it shows expired; other statuses show as stored', () => {
    const past = new Date('2026-01-09T00:00:00Z');
    expect(effectiveStatus({ status: 'open', closesAt: past }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'open', closesAt: undefined }, now)).toBe('open');
    expect(effectiveStatus({ status: 'filled', closesAt: past }, now)).toBe('filled');
    expect(effectiveStatus({ status: 'draft', closesAt: past }, now)).toBe('draft');
  });

  it('when hires reach the openings, then open becomes filled, and more openings make it open again', () => {
    expect(statusForFill('open', 2, 2)).toBe('filled');
    expect(statusForFill('open', 2, 1)).toBe('open');
    expect(statusForFill('filled', 3, 2)).toBe('open');
    expect(statusForFill('closed', 2, 2)).toBe('closed');
    expect(statusForFill('draft', 1, 1)).toBe('draft');
  });

  it('when an employer asks for a status, then only the legal moves pass (closed is final)', () => {
    expect(canEmployerMove('draft', 'open')).toBe(true);
    expect(canEmployerMove('expired', 'open')).toBe(true);
    expect(canEmployerMove('filled', 'open')).toBe(false);
    expect(canEmployerMove('filled', 'closed')).toBe(true);
    expect(canEmployerMove('closed', 'open')).toBe(false);
    expect(canEmployerMove('closed', 'closed')).toBe(false);
  });

  it('when several fields are wrong at once, then every one is named', () => {
    const fields = fieldsOf({
      ...SECTION6_JOB,
      occupationCode: '0000',
      skills: ['nope'],
      wageMinVnd: 9,
      wageMaxVnd: 1,
      closesAt: '2020-01-01',
    });
    expect(jobIssues(fields, now).map((i) => i.field)).toEqual(['occupationCode', 'skills[0]', 'wageMinVnd', 'closesAt']);
    expect(jobIssues(fieldsOf({ ...SECTION6_JOB, skills: [...SECTION6_JOB.skills] }), now)).toEqual([]);
  });
});
