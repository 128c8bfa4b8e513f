import { checkPatch, checkTransition, isWithdrawable } from '../src/domain/application.rules';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../src/domain/application.types';

const LEGAL: Record<ApplicationStatus, ApplicationStatus[]> = {
  new: ['interview', 'offered', 'hired', 'declined'],
  interview: ['interview', 'offered', 'hired', 'declined'],
  offered: ['hired', 'declined'],
  hired: [],
  declined: [],
  withdrawn: [],
};

describe('application transitions', () => {
  const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('when an employer moves %s → %s, then it is allowed only if the table says so', (from, to) => {
    if (LEGAL[from].includes(to)) expect(() => checkTransition(from, to)).not.toThrow();
    else
      expect(() => checkTransition(from, to)).toThrow(expect.objectContaining({ code: 'APPLICATION.TRANSITION_ILLEGAL', httpStatus: 409 }));
  });

  it('when a referral is withdrawn, then only unanswered applications follow', () => {
    expect(APPLICATION_STATUSES.filter(isWithdrawable)).toEqual(['new', 'interview', 'offered']);
  });

  it('when a field belongs to another status, then 400 names it', () => {
    expect(() => checkPatch({ status: 'hired', reason: 'other' })).toThrow(
      expect.objectContaining({ code: 'APPLICATION.FIELD_NOT_FOR_STATUS' }),
    );
    expect(() => checkPatch({ status: 'hired', startDate: '2026-02-01', contractType: 'indefinite' })).not.toThrow();
    // the ARCHITECTURE §6 body as written: {status, reason?, startDate?}
    for (const status of ['interview', 'offered', 'hired', 'declined'] as const) expect(() => checkPatch({ status })).not.toThrow();
  });
});
