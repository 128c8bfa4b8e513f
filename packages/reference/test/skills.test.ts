import { isOccupationCode, isSkill, skill, skills } from '../src';

describe('skills vocabulary', () => {
  test('when listing skills, then slugs are unique English kebab-case with both names', () => {
    const list = skills();
    expect(list.length).toBeGreaterThanOrEqual(60);
    expect(list.length).toBeLessThanOrEqual(100);
    expect(new Set(list.map((s) => s.slug)).size).toBe(list.length);
    for (const s of list) {
      expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.nameEn.length).toBeGreaterThan(0);
    }
  });

  test('when a skill links occupations, then every linked code is a known occupation', () => {
    for (const s of skills()) for (const code of s.occupationCodes) expect(isOccupationCode(code)).toBe(true);
  });

  test('when looking up the slugs used in examples, then they exist', () => {
    for (const slug of [
      'welding',
      'masonry',
      'electrical-installation',
      'sewing',
      'driving-b2',
      'cooking',
      'forklift',
      'computer-basic',
      'bookkeeping',
      'animal-husbandry',
      'mushroom-growing',
    ]) {
      expect(isSkill(slug)).toBe(true);
    }
    expect(skill('welding')?.occupationCodes).toContain('7212');
    expect(isSkill('Welding')).toBe(false);
    expect(isSkill(undefined)).toBe(false);
  });
});
