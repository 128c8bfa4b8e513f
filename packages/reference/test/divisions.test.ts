import {
  DEMO,
  commune,
  communeInProvince,
  communes,
  isCommuneCode,
  isProvinceCode,
  newProvinceCodeFor,
  oldProvinceMapping,
  province,
  provinces,
} from '../src';

describe('provinces and communes after 1 July 2025', () => {
  test('when listing provinces, then there are exactly 34 with unique zero-padded 2-digit codes', () => {
    const codes = provinces().map((p) => p.code);
    expect(codes).toHaveLength(34);
    expect(new Set(codes).size).toBe(34);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
  });

  test('when listing communes, then there are about 3,300 with unique zero-padded 5-digit codes', () => {
    const all = communes();
    expect(all.length).toBeGreaterThan(3200);
    expect(all.length).toBeLessThan(3400);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) expect(c.code).toMatch(/^\d{5}$/);
  });

  test('when checking every commune, then its province exists and it has a name and a known kind', () => {
    for (const c of communes()) {
      expect(province(c.provinceCode)).toBeDefined();
      expect(c.name.length).toBeGreaterThan(0);
      expect(['commune', 'ward', 'special-zone']).toContain(c.kind);
    }
  });

  test('when grouping communes by province, then every province has some and the groups add up', () => {
    let total = 0;
    for (const p of provinces()) {
      const list = communes(p.code);
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((c) => c.provinceCode === p.code)).toBe(true);
      total += list.length;
    }
    expect(total).toBe(communes().length);
  });

  test('when names are read, then they are NFC and provinces have ASCII English names', () => {
    for (const p of provinces()) {
      expect(p.name).toBe(p.name.normalize('NFC'));
      expect(p.nameEn).toMatch(/^[A-Za-z -]+$/);
      expect(['province', 'city']).toContain(p.kind);
    }
    expect(province('40')).toMatchObject({ name: 'Tỉnh Nghệ An', shortName: 'Nghệ An', nameEn: 'Nghe An' });
    expect(province('79')?.shortName).toBe('Hồ Chí Minh');
  });

  test('when codes are checked, then only zero-padded strings of units in force pass', () => {
    expect(isProvinceCode('01')).toBe(true);
    expect(isProvinceCode('1')).toBe(false);
    expect(isProvinceCode(1)).toBe(false);
    expect(isProvinceCode('02')).toBe(false); // Hà Giang, merged into Tuyên Quang
    expect(isCommuneCode('16681')).toBe(true);
    expect(isCommuneCode(16681)).toBe(false);
    expect(isCommuneCode('4')).toBe(false);
    expect(isCommuneCode('00004')).toBe(true);
    expect(commune('99999')).toBeUndefined();
    expect(communes('02')).toEqual([]);
  });

  test('when a commune is asked about a province, then communeInProvince answers from the official list', () => {
    expect(communeInProvince('16681', '40')).toBe(true);
    expect(communeInProvince('16681', '01')).toBe(false);
    expect(communeInProvince('99999', '40')).toBe(false);
  });

  test('when loaded data is shared, then callers cannot change it', () => {
    const p = province('40')!;
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(provinces())).toBe(true);
  });
});

describe('mapping from the 63 pre-2025 provinces', () => {
  test('when mapping, then all 63 old codes are covered once and map to existing new codes', () => {
    const rows = oldProvinceMapping();
    expect(rows).toHaveLength(63);
    expect(new Set(rows.map((r) => r.oldCode)).size).toBe(63);
    for (const r of rows) {
      expect(r.oldCode).toMatch(/^\d{2}$/);
      expect(isProvinceCode(r.newCode)).toBe(true);
      expect(newProvinceCodeFor(r.oldCode)).toBe(r.newCode);
    }
    expect(new Set(rows.map((r) => r.newCode)).size).toBe(34);
  });

  test('when looking up merged provinces, then Resolution 202/2025/QH15 targets come back', () => {
    expect(newProvinceCodeFor('02')).toBe('08'); // Hà Giang -> Tuyên Quang
    expect(newProvinceCodeFor('35')).toBe('37'); // Hà Nam -> Ninh Bình
    expect(newProvinceCodeFor('74')).toBe('79'); // Bình Dương -> TP Hồ Chí Minh
    expect(newProvinceCodeFor('82')).toBe('82'); // Tiền Giang -> Đồng Tháp (new code 82)
    expect(newProvinceCodeFor('87')).toBe('82'); // Đồng Tháp
    expect(newProvinceCodeFor('40')).toBe('40'); // Nghệ An unchanged
    expect(newProvinceCodeFor('99')).toBeUndefined();
  });
});

describe('demo geography', () => {
  test('when seeding demo data, then the demo province and communes exist and belong together', () => {
    expect(province(DEMO.provinceCode)?.name).toBe('Tỉnh Nghệ An');
    expect(commune(DEMO.communeCode)?.name).toBe('Phường Thành Vinh');
    expect(DEMO.communeCodes).toContain(DEMO.communeCode);
    for (const code of DEMO.communeCodes) expect(communeInProvince(code, DEMO.provinceCode)).toBe(true);
    expect(isProvinceCode(DEMO.otherProvinceCode)).toBe(true);
  });
});
