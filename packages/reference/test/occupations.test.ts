import { isOccupationCode, isStateAgencyPost, occupation, occupationGroups, occupations } from '../src';

describe('VSCO 2020 occupations', () => {
  test('when listing occupations, then codes are unique 4-digit strings in a known major group', () => {
    const list = occupations();
    expect(list.length).toBeGreaterThanOrEqual(80);
    expect(list.length).toBeLessThanOrEqual(150);
    expect(new Set(list.map((o) => o.code)).size).toBe(list.length);
    const groups = new Set(occupationGroups().map((g) => g.code));
    expect(groups.size).toBe(10);
    for (const o of list) {
      expect(o.code).toMatch(/^\d{4}$/);
      expect(o.majorGroup).toBe(o.code[0]);
      expect(groups.has(o.majorGroup)).toBe(true);
      expect(o.name.length).toBeGreaterThan(0);
      expect(o.nameEn.length).toBeGreaterThan(0);
    }
  });

  test('when looking up the trades the product talks about, then they exist with both names', () => {
    expect(occupation('7212')?.nameEn).toBe('Welders and flame cutters');
    expect(occupation('8322')?.nameEn).toBe('Car, taxi and van drivers');
    expect(occupation('8332')?.name).toContain('xe tải');
    for (const code of ['7112', '7411', '7231', '8153', '5120', '5414', '9112', '5141', '6221']) {
      expect(isOccupationCode(code)).toBe(true);
    }
    expect(isOccupationCode(7212)).toBe(false);
    expect(isOccupationCode('9999')).toBe(false);
  });

  test('when an occupation is a state post, then it is flagged for Penal Code Art. 44', () => {
    for (const code of ['5412', '3355', '1112', '2612', '3352', '0110']) expect(isStateAgencyPost(code)).toBe(true);
    for (const code of ['7212', '8322', '5414', '9313']) expect(isStateAgencyPost(code)).toBe(false);
    expect(isStateAgencyPost('9999')).toBe(false);
  });

  test('when a teacher or health job is at a private employer, then it is not a state post', () => {
    for (const code of ['2330', '2341', '2221', '5321']) {
      expect(occupation(code)?.atPublicEmployerOnly).toBe(true);
      expect(isStateAgencyPost(code)).toBe(true);
      expect(isStateAgencyPost(code, 'public')).toBe(true);
      expect(isStateAgencyPost(code, 'private')).toBe(false);
    }
    expect(isStateAgencyPost('5412', 'private')).toBe(true);
  });

  test('when a flag says public employer only, then the occupation is a state post', () => {
    for (const o of occupations()) if (o.atPublicEmployerOnly) expect(o.stateAgencyPost).toBe(true);
  });
});
