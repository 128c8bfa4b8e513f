import { testNamespace } from '@hoanhap/testing';
import { expectedClearance, clearanceWaitYears } from '../src/domain/clearance.rules';
import { creditWindowEndsOn, isWithinCreditWindow, releaseKindEligible } from '../src/domain/credit-window.rules';
import { activeRestrictions, isActiveOn } from '../src/domain/restrictions.rules';
import { addYears, ageOn } from '../src/domain/calendar.rules';
import type { Restrictions } from '../src/domain/returnee.types';

testNamespace(); // pure functions: no server is touched, the convention is kept

const none: Restrictions = { bannedOccupations: [], bannedAreas: [], supervisedCommune: null, noStateAgencyWork: false };
const base = { releaseKind: 'completed' as const, releaseDate: '2025-09-01', offenceCategory: 'drug-possession', restrictions: none };
const prison = (months: number) => ({ ...base, sentence: { kind: 'prison' as const, months } });

describe('record clearance (Penal Code Art. 70)', () => {
  it.each([
    ['warning', 1],
    ['fine', 1],
    ['non-custodial', 1],
    ['suspended', 1],
    ['life', 5],
    ['death-commuted', 5],
  ] as const)('when the main penalty is %s, then the waiting period is %i year(s) (Art. 70(2)(a),(d))', (kind, years) => {
    expect(clearanceWaitYears({ kind })).toBe(years);
  });

  it.each([
    [1, 2],
    [60, 2],
    [61, 3],
    [180, 3],
    [181, 5],
    [240, 5],
  ])('when prison was %i months, then the waiting period is %i years (Art. 70(2)(b)–(d): ≤ 60, 61–180, > 180 months)', (months, years) => {
    expect(clearanceWaitYears({ kind: 'prison', months })).toBe(years);
  });

  it('when released on 2025-09-01 after 60 months, then the record counts as cleared from 2027-09-02 (Art. 70(2)(b); Civil Code Art. 147–148)', () => {
    expect(expectedClearance(prison(60))).toMatchObject({
      automatic: true,
      expectedOn: '2027-09-02',
      waitYears: 2,
      mainPenaltyEndsOn: '2025-09-01',
    });
  });

  it('when released after 61 months, then clearance is 3 years later (Art. 70(2)(c))', () => {
    expect(expectedClearance(prison(61)).expectedOn).toBe('2028-09-02');
  });

  it('when released after 180 and 181 months, then clearance is 3 and 5 years later (Art. 70(2)(c),(d))', () => {
    expect(expectedClearance(prison(180)).expectedOn).toBe('2028-09-02');
    expect(expectedClearance(prison(181)).expectedOn).toBe('2030-09-02');
  });

  it('when an additional penalty ends after the waiting period, then clearance follows its end (Art. 70(2)–(3))', () => {
    const restrictions: Restrictions = { ...none, bannedAreas: [{ provinceCode: '01', until: '2028-03-01' }] };
    expect(expectedClearance({ ...prison(30), restrictions })).toMatchObject({
      expectedOn: '2028-03-02',
      extendedByAdditionalPenalty: true,
    });
  });

  it('when an additional penalty ends within the waiting period, then it does not move the date (Art. 70(3))', () => {
    const restrictions: Restrictions = { ...none, supervisedCommune: { communeCode: '16681', until: '2026-09-01' } };
    expect(expectedClearance({ ...prison(30), restrictions })).toMatchObject({
      expectedOn: '2027-09-02',
      extendedByAdditionalPenalty: false,
    });
  });

  it.each(['national-security', 'crimes-against-peace-humanity'])(
    'when the offence is %s (Chapter XIII/XXVI), then clearance is not automatic: null with a reason (Art. 70(1), Art. 71)',
    (offenceCategory) => {
      expect(expectedClearance({ ...prison(24), offenceCategory })).toMatchObject({
        automatic: false,
        expectedOn: null,
        reason: 'excluded-chapter',
      });
    },
  );

  it('when the sentence was suspended, then the 1 year runs from the end of the probation (Art. 70(2)(a))', () => {
    const input = {
      ...base,
      releaseKind: 'suspended' as const,
      sentence: { kind: 'suspended' as const, months: 24 },
      probationEndsOn: '2026-03-10',
    };
    expect(expectedClearance(input)).toMatchObject({ expectedOn: '2027-03-11', mainPenaltyEndsOn: '2026-03-10' });
    expect(expectedClearance({ ...input, probationEndsOn: undefined })).toMatchObject({
      expectedOn: null,
      reason: 'main-penalty-end-unknown',
    });
  });
});

describe('credit window (Decision 22/2023/QĐ-TTg: within 5 years of release)', () => {
  it('when released on 2025-09-01, then the window ends on 2030-09-01 (Civil Code Art. 148)', () => {
    expect(creditWindowEndsOn('2025-09-01')).toBe('2030-09-01');
  });

  it('when it is the day before, or the last day of, the window, then credit is still within it (Decision 22/2023)', () => {
    expect(isWithinCreditWindow('2025-09-01', '2030-08-31')).toBe(true);
    expect(isWithinCreditWindow('2025-09-01', '2030-09-01')).toBe(true);
  });

  it('when it is the day after the window, then credit is outside it (Decision 22/2023)', () => {
    expect(isWithinCreditWindow('2025-09-01', '2030-09-02')).toBe(false);
  });

  it('when released on 29 February, then the window ends on 28 February 5 years later (Civil Code Art. 148)', () => {
    expect(creditWindowEndsOn('2024-02-29')).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('when the release was a completed sentence or amnesty, then the release kind qualifies; conditional release does not (Decision 22/2023)', () => {
    expect(['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'].map((k) => releaseKindEligible(k as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('active restrictions (Penal Code Art. 41–44: from completion of the prison term through `until` inclusive)', () => {
  const restrictions: Restrictions = {
    bannedOccupations: [{ code: '8322', until: '2028-09-01' }],
    bannedAreas: [{ provinceCode: '01', until: '2027-09-01' }],
    supervisedCommune: { communeCode: '16681', until: '2026-09-01' },
    noStateAgencyWork: true,
    noStateAgencyWorkUntil: '2027-03-01',
  };

  it('when it is the release day, then every restriction is active (first day, Art. 41(3), 42(2), 43(2), 44(2))', () => {
    expect(activeRestrictions(restrictions, '2025-09-01', '2025-09-01')).toEqual(restrictions);
    expect(isActiveOn('2025-09-01', '2026-09-01', '2025-08-31')).toBe(false);
  });

  it('when it is the `until` day, then the restriction still applies; the day after, it no longer does (last day, Art. 42–43)', () => {
    expect(activeRestrictions(restrictions, '2025-09-01', '2026-09-01').supervisedCommune).toEqual(restrictions.supervisedCommune);
    const after = activeRestrictions(restrictions, '2025-09-01', '2026-09-02');
    expect(after.supervisedCommune).toBeNull();
    expect(after.bannedAreas).toHaveLength(1);
  });

  it('when every end date has passed, then nothing is active (Art. 41–44)', () => {
    expect(activeRestrictions(restrictions, '2025-09-01', '2028-09-02')).toEqual({
      bannedOccupations: [],
      bannedAreas: [],
      supervisedCommune: null,
      noStateAgencyWork: false,
    });
  });

  it('when Art. 44 has no end date, then the loss of the right to state-agency work stays active', () => {
    expect(activeRestrictions({ ...restrictions, noStateAgencyWorkUntil: undefined }, '2025-09-01', '2035-01-01').noStateAgencyWork).toBe(
      true,
    );
  });
});

describe('age (for published ageYears)', () => {
  it('when the birthday has not come yet this year, then the age is one less', () => {
    expect(ageOn('1990-05-12', '2026-05-11')).toBe(35);
    expect(ageOn('1990-05-12', '2026-05-12')).toBe(36);
  });
});
