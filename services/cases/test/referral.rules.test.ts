import { testNamespace } from '@hoanhap/testing';
import { isStale, mapSideStatus, nextStatus } from '../src/domain/referral.rules';
import { givenNameOf } from '../src/domain/profile.rules';

testNamespace(); // pure functions: no server is touched, the convention is kept

describe('referral status follows the receiving side (ARCHITECTURE §3 table)', () => {
  it.each([
    ['job', 'new', 'seen'],
    ['job', 'interview', 'in-progress'],
    ['job', 'offered', 'in-progress'],
    ['job', 'hired', 'succeeded'],
    ['job', 'declined', 'declined'],
    ['job', 'withdrawn', 'withdrawn'],
    ['course', 'new', 'seen'],
    ['course', 'enrolled', 'in-progress'],
    ['course', 'waitlisted', 'in-progress'],
    ['course', 'completed', 'succeeded'],
    ['course', 'declined', 'declined'],
    ['course', 'dropped', 'declined'],
    ['loan', 'submitted', 'seen'],
    ['loan', 'under-review', 'in-progress'],
    ['loan', 'more-info-needed', 'in-progress'],
    ['loan', 'approved', 'succeeded'],
    ['loan', 'disbursed', 'succeeded'],
    ['loan', 'repaying', 'succeeded'],
    ['loan', 'closed', 'succeeded'],
    ['loan', 'overdue', 'succeeded'],
    ['loan', 'rejected', 'declined'],
    ['loan', 'withdrawn', 'withdrawn'],
  ] as const)('when a %s side reports %s, then the referral is %s', (kind, side, status) => {
    expect(mapSideStatus(kind, side)).toBe(status);
  });

  it('when an employer’s application is new but not opened yet, then the referral is still sent', () => {
    expect(mapSideStatus('job', 'new', false)).toBe('sent');
  });

  it('when a report would move the referral back, or after an answer, then it stays where it is', () => {
    expect(nextStatus('in-progress', 'seen')).toBe('in-progress');
    expect(nextStatus('succeeded', 'declined')).toBe('succeeded');
    expect(nextStatus('withdrawn', 'in-progress')).toBe('withdrawn');
    expect(nextStatus('seen', undefined)).toBe('seen');
    expect(nextStatus('sent', 'in-progress')).toBe('in-progress');
  });

  it('when an open referral has not changed for exactly N days, then it is stale; N−1 days, not yet; answered ones never', () => {
    expect(isStale({ status: 'sent', changedAt: '2026-01-01T08:00:00.000Z' }, '2026-01-15', 14)).toBe(true);
    expect(isStale({ status: 'sent', changedAt: '2026-01-01T08:00:00.000Z' }, '2026-01-14', 14)).toBe(false);
    expect(isStale({ status: 'declined', changedAt: '2025-01-01T08:00:00.000Z' }, '2026-01-15', 14)).toBe(false);
  });
});

describe('given name (ARCHITECTURE §2: the LAST word of a Vietnamese name)', () => {
  it('when the name is "Nguyễn Văn An" in NFC, NFD or with extra spaces, then the given name is "An" in NFC', () => {
    expect(givenNameOf('Nguyễn Văn An')).toBe('An');
    expect(givenNameOf('  Trần   Thị Ngọc Ánh '.normalize('NFD'))).toBe('Ánh'.normalize('NFC'));
  });
});
