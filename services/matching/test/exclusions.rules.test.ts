import { dayOf, FOREVER, NO_DAY } from '../src/domain/calendar';
import { anyActive, lastRestrictedDay, legalExclusion, personalExclusion, physicalCapacity, PHYSICAL, placeExclusion, type Restrictions } from '../src/domain/exclusions.rules';
import { NO_COMMUNE } from '../src/domain/model/vocabulary';

const until = dayOf('2027-09-01');
const none: Restrictions = { bannedOccupations: [], bannedAreas: [], supervised: null, noStateAgencyUntil: NO_DAY };
const HOME = { province: 20, commune: 1000 };
const place = (overrides: Partial<{ province: number; commune: number; occupation: number; stateAgency: boolean }> = {}) => ({ ...HOME, occupation: 7, stateAgency: false, ...overrides });

describe.each([
  ['Art. 41 occupation', { ...none, bannedOccupations: [{ occupation: 7, until }] }, place(), 'art41-occupation'],
  ['Art. 42 whole province', { ...none, bannedAreas: [{ province: 21, commune: NO_COMMUNE, until }] }, place({ province: 21, commune: 2000 }), 'art42-area'],
  ['Art. 42 one commune', { ...none, bannedAreas: [{ province: 20, commune: 1001, until }] }, place({ commune: 1001 }), 'art42-area'],
  ['Art. 43 outside the supervised commune', { ...none, supervised: { ...HOME, until } }, place({ commune: 1002 }), 'art43-outside-supervised-commune'],
  ['Art. 44 state agency', { ...none, noStateAgencyUntil: until }, place({ stateAgency: true }), 'art44-state-agency'],
] as const)('%s', (_name, restrictions, target, code) => {
  it('when it is the first day, then it excludes', () => expect(legalExclusion(restrictions, target, dayOf('2026-11-23'))).toBe(code));
  it('when it is the last day (until), then it still excludes', () => {
    expect(legalExclusion(restrictions, target, until)).toBe(code);
    expect(anyActive(restrictions, until)).toBe(true);
  });
  it('when it is the day after, then it lifts', () => {
    expect(legalExclusion(restrictions, target, until + 1)).toBeNull();
    expect(anyActive(restrictions, until + 1)).toBe(false);
  });
});

describe('exclusion edge cases', () => {
  it('when restrictions end on different days, then the last of them is the day the person stops being checked', () => {
    const early = dayOf('2027-01-31');
    const mixed: Restrictions = { ...none, bannedOccupations: [{ occupation: 7, until: early }], bannedAreas: [{ province: 21, commune: NO_COMMUNE, until }] };
    expect(lastRestrictedDay(mixed)).toBe(until);
    expect(lastRestrictedDay({ ...mixed, noStateAgencyUntil: FOREVER })).toBe(FOREVER);
    expect(anyActive(mixed, early + 1)).toBe(true);
    expect(legalExclusion(mixed, place(), early + 1)).toBeNull();
  });

  it('when the place is inside the supervised commune or elsewhere than a banned area, then nothing excludes it', () => {
    expect(placeExclusion({ ...none, supervised: { ...HOME, until } }, 20, 1000, until)).toBeNull();
    expect(placeExclusion({ ...none, bannedAreas: [{ province: 20, commune: 1001, until }] }, 20, 1000, until)).toBeNull();
  });

  it('when a cohort names only its province, then a commune ban there or any supervision excludes it (in doubt, do not offer)', () => {
    expect(placeExclusion({ ...none, bannedAreas: [{ province: 20, commune: 1001, until }] }, 20, NO_COMMUNE, until)).toBe('art42-area');
    expect(placeExclusion({ ...none, supervised: { ...HOME, until } }, 20, NO_COMMUNE, until)).toBe('art43-outside-supervised-commune');
  });

  it('when Art. 44 has no end date, then it never lifts', () => {
    expect(legalExclusion({ ...none, noStateAgencyUntil: FOREVER }, place({ stateAgency: true }), dayOf('2090-01-01'))).toBe('art44-state-agency');
  });

  it('when the person is younger than the minimum age or weaker than the demand, then the job is excluded', () => {
    expect(personalExclusion(17, PHYSICAL.heavy, 18, 0)).toBe('below-minimum-age');
    expect(personalExclusion(18, PHYSICAL.heavy, 18, PHYSICAL.heavy)).toBeNull();
    expect(personalExclusion(30, PHYSICAL.moderate, 0, PHYSICAL.heavy)).toBe('physical-demands');
  });

  it('when capacity is derived, then a stated one wins, a health need or being under 18 caps it at moderate', () => {
    expect(physicalCapacity(30, ['job'])).toBe(PHYSICAL.heavy);
    expect(physicalCapacity(30, ['health'])).toBe(PHYSICAL.moderate);
    expect(physicalCapacity(17, [], 'heavy')).toBe(PHYSICAL.moderate);
    expect(physicalCapacity(30, ['health'], 'light')).toBe(PHYSICAL.light);
  });
});
