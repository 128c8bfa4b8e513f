import { dayOf, FOREVER, NO_DAY } from '../src/domain/calendar';
import { FAR_PROVINCE, NEIGHBOUR_PROVINCE, SAME_PROVINCE } from '../src/domain/model/vocabulary';
import { courseDistancePoints, courseStartPoints, newSkillPoints, skillGapPoints, tuitionPoints } from '../src/domain/scoring/course-score.rules';
import { creditEligibility, creditPoints, isBusinessGoal } from '../src/domain/scoring/credit-score.rules';
import { distancePoints, housingPoints, skillPoints, stabilityPoints, startPoints, staticJobPoints, wagePoints } from '../src/domain/scoring/job-score.rules';
import { byPoints, reason } from '../src/domain/reasons/format';
import { DEFAULT_WEIGHTS, mergeWeights } from '../src/domain/scoring/weights';

const w = DEFAULT_WEIGHTS.job;
const today = dayOf('2026-11-23');

describe('job scoring rules (centi-points)', () => {
  it('when a person holds some of the required skills, then points grow with the share held; nice-to-have ones add less', () => {
    expect(skillPoints(w, 2, 2, 0, 0)).toBe(4000);
    expect(skillPoints(w, 1, 2, 0, 0)).toBe(2000);
    expect(skillPoints(w, 0, 3, 0, 0)).toBe(0);
    expect(skillPoints(w, 1, 1, 1, 2)).toBe(4500);
  });

  it('when a job requires no skill, then everyone gets the beginners\' share', () => {
    expect(skillPoints(w, 0, 0, 0, 0)).toBe(1500);
  });

  it('when places differ, then same commune > same province > neighbouring province > farther', () => {
    const order = [distancePoints(w, true, SAME_PROVINCE), distancePoints(w, false, SAME_PROVINCE), distancePoints(w, false, NEIGHBOUR_PROVINCE), distancePoints(w, false, FAR_PROVINCE)];
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(new Set(order).size).toBe(4);
  });

  it('when the person prefers stable work, then only a stable job earns the stability points', () => {
    expect([stabilityPoints(w, true, true), stabilityPoints(w, true, false), stabilityPoints(w, false, true)]).toEqual([1000, 0, 0]);
  });

  it('when wages are at the floor, between, or above the reference, then nothing, a share, or everything', () => {
    expect(wagePoints(w, 3_000_000, 4_000_000)).toBe(0);
    expect(wagePoints(w, 8_000_000, 8_000_000)).toBe(500);
    expect(wagePoints(w, 15_000_000, 20_000_000)).toBe(1000);
  });

  it('when housing is needed, then accommodation counts; otherwise it does not', () => {
    expect([housingPoints(w, true, true), housingPoints(w, true, false), housingPoints(w, false, true)]).toEqual([1000, 0, 0]);
  });

  it('when the person is available by the start, late, or after the season, then full, decaying, or nothing', () => {
    const start = today + 10;
    expect(startPoints(w, NO_DAY, NO_DAY, FOREVER, today)).toBe(1000);
    expect(startPoints(w, today + 5, start, FOREVER, today)).toBe(1000);
    expect(startPoints(w, start + 15, start, FOREVER, today)).toBe(500);
    expect(startPoints(w, start + 30, start, FOREVER, today)).toBe(0);
    expect(startPoints(w, start + 100, start, start + 90, today)).toBe(0);
  });

  it('when the static score of a job is computed, then it is the sum of the person-independent rules', () => {
    const job = { requiredTotal: 0, niceTotal: 1, stable: true, wageMinVnd: 12_000_000, wageMaxVnd: 12_000_000, accommodation: true };
    expect(staticJobPoints(w, job, true, true)).toBe(1500 + 1000 + 1000 + 1000);
    expect(staticJobPoints(w, job, false, false)).toBe(1500 + 1000);
  });
});

describe('course scoring rules', () => {
  const c = DEFAULT_WEIGHTS.course;
  it('when a course grants the most asked-for missing skill, then it gets the whole skill-gap share', () => {
    expect([skillGapPoints(c, 40, 40), skillGapPoints(c, 10, 40), skillGapPoints(c, 0, 0)]).toEqual([4000, 1000, 0]);
    expect(newSkillPoints(c, 1, 2)).toBe(750);
  });

  it('when tuition is free, exempted, reduced or full, then points follow', () => {
    expect([tuitionPoints(c, 0, []), tuitionPoints(c, 5e6, ['tuition-exempt']), tuitionPoints(c, 5e6, ['tuition-reduced']), tuitionPoints(c, 5e6, [])]).toEqual([1000, 1000, 500, 0]);
  });

  it('when the course starts before the person is available, then no start points', () => {
    expect([courseStartPoints(c, today, today + 1), courseStartPoints(c, today + 2, today + 1)]).toEqual([500, 0]);
    expect(courseDistancePoints(c, true, SAME_PROVINCE)).toBeGreaterThan(courseDistancePoints(c, false, SAME_PROVINCE));
  });
});

describe('credit rules (Decision 22/2023/QĐ-TTg)', () => {
  const cw = DEFAULT_WEIGHTS.credit;
  const needs = { businessGoal: true, loanNeed: false, trainingNeed: false };
  it('when the goal is self-employment in Vietnamese or English, with or without tones, then it is a business goal', () => {
    for (const goal of ['Tự kinh doanh quán ăn', 'tu kinh doanh', 'Chăn nuôi gà', 'self-employment as a tailor', 'open a small business']) expect(isBusinessGoal(goal)).toBe(true);
    expect(isBusinessGoal('Làm công nhân ổn định')).toBe(false);
  });

  it('when bank facts are shared, then the window and release kind decide; without them eligibility is unknown', () => {
    expect(creditEligibility(false, false, 0, today)).toBe('unknown');
    expect(creditEligibility(true, true, today, today)).toBe('eligible');
    expect(creditEligibility(true, true, today - 1, today)).toBe('not-eligible');
    expect(creditEligibility(true, false, today + 99, today)).toBe('not-eligible');
  });

  it('when a product is for businesses, not in force, not for an eligible person or fits no need, then it is not proposed', () => {
    expect(creditPoints(cw, 'production', needs, 'eligible', true)).toBe(7000);
    expect(creditPoints(cw, 'production', needs, 'unknown', true)).toBe(5000);
    expect(creditPoints(cw, 'business', needs, 'eligible', true)).toBeNull();
    expect(creditPoints(cw, 'production', needs, 'eligible', false)).toBeNull();
    expect(creditPoints(cw, 'production', needs, 'not-eligible', true)).toBeNull();
    expect(creditPoints(cw, 'training', needs, 'eligible', true)).toBeNull();
  });
});

describe('weights from configuration', () => {
  it('when a partial override is given, then it merges over the defaults; a wrong key or value is refused', () => {
    expect(mergeWeights({ job: { sameCommune: 30 } }).job).toMatchObject({ sameCommune: 30, sameProvince: 12 });
    expect(() => mergeWeights({ job: { sameComune: 30 } })).toThrow(/sameComune/);
    expect(() => mergeWeights({ job: { sameCommune: -1 } })).toThrow(/≥ 0/);
    expect(() => mergeWeights({ jobs: {} })).toThrow(/not a section/);
  });
});

describe('reasons in order', () => {
  it('when reasons are listed, then the most points come first and equal points keep the order they were given', () => {
    const given = [
      reason('a', 0, 'a', 'a'),
      reason('b', 1000, 'b', 'b'),
      reason('c', 2000, 'c', 'c'),
      reason('d', 1000, 'd', 'd'),
      reason('e', 0, 'e', 'e'),
      reason('f', 4000, 'f', 'f'),
    ];
    expect(byPoints([...given]).map((r) => r.code)).toEqual(['f', 'c', 'b', 'd', 'a', 'e']);
    expect(byPoints([]).length).toBe(0);
  });
});
