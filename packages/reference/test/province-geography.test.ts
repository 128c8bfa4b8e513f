import { areNeighbours, neighbours, provinceCentroid, provinceDistanceKm, provinces } from '../src';

describe('province adjacency and distance', () => {
  const codes = provinces().map((p) => p.code);

  test('when a province lists a neighbour, then that neighbour lists it back', () => {
    for (const a of codes) {
      for (const b of neighbours(a)) expect(neighbours(b)).toContain(a);
    }
  });

  test('when checking every province, then each has a neighbour, none borders itself and all codes exist', () => {
    // No province after 2025 is islands-only (island districts belong to mainland provinces).
    for (const a of codes) {
      expect(neighbours(a).length).toBeGreaterThan(0);
      expect(neighbours(a)).not.toContain(a);
      for (const b of neighbours(a)) expect(codes).toContain(b);
    }
  });

  test('when asking about known borders, then the merged provinces border as on the map', () => {
    expect(areNeighbours('40', '38')).toBe(true); // Nghệ An – Thanh Hóa
    expect(areNeighbours('40', '42')).toBe(true); // Nghệ An – Hà Tĩnh
    expect(areNeighbours('40', '01')).toBe(false);
    expect(areNeighbours('79', '68')).toBe(true); // HCMC (with Bà Rịa – Vũng Tàu) – Lâm Đồng (with Bình Thuận)
    expect(neighbours('99')).toEqual([]);
  });

  test('when every province has a centroid, then it lies inside Vietnam', () => {
    for (const code of codes) {
      const c = provinceCentroid(code)!;
      expect(c.lat).toBeGreaterThan(8.5);
      expect(c.lat).toBeLessThan(23.5);
      expect(c.lon).toBeGreaterThan(102);
      expect(c.lon).toBeLessThan(110);
    }
  });

  test('when measuring distances, then they are symmetric, zero for one province and plausible', () => {
    expect(provinceDistanceKm('40', '40')).toBe(0);
    expect(provinceDistanceKm('01', '79')).toBeCloseTo(provinceDistanceKm('79', '01')!, 6);
    expect(provinceDistanceKm('01', '79')).toBeGreaterThan(1050);
    expect(provinceDistanceKm('01', '79')).toBeLessThan(1250);
    expect(provinceDistanceKm('40', '42')!).toBeLessThan(provinceDistanceKm('40', '01')!);
    expect(provinceDistanceKm('40', '99')).toBeUndefined();
  });

  test('when comparing neighbours, then a neighbour is nearer than 400 km centroid to centroid', () => {
    for (const a of codes) for (const b of neighbours(a)) expect(provinceDistanceKm(a, b)!).toBeLessThan(400);
  });
});
