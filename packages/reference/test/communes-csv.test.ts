import { communes, importCommunesCsv } from '../src';

describe('importCommunesCsv', () => {
  test('when the CSV is valid, then every row comes back as a commune', () => {
    const csv = 'code,name,kind,provinceCode\n16681,Phường Thành Vinh,ward,40\n17662,Xã Đô Lương,commune,40\n';
    const { communes: rows, errors } = importCommunesCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { code: '16681', name: 'Phường Thành Vinh', kind: 'ward', provinceCode: '40' },
      { code: '17662', name: 'Xã Đô Lương', kind: 'commune', provinceCode: '40' },
    ]);
  });

  test('when Excel dropped leading zeros and headers are Vietnamese, then codes are padded and kind is derived', () => {
    const csv = '\uFEFFMã;Tên;Mã TP;Cấp\r\n4;"Phường Ba Đình";1;Phường\r\n"25";Phường Giảng Võ;01;\r\n';
    const { communes: rows, errors } = importCommunesCsv(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.code, r.provinceCode, r.kind])).toEqual([
      ['00004', '01', 'ward'],
      ['00025', '01', 'ward'],
    ]);
  });

  test('when rows are bad, then each is refused with its line number and the good ones are kept', () => {
    const csv = [
      'code,name,provinceCode', // line 1
      '16681,Phường Thành Vinh,40', // 2 ok
      'ABCDE,Xã Lạ,40', // 3 bad code
      '123456,Xã Dài,40', // 4 code too long
      '17662,Xã Đô Lương,02', // 5 province merged away
      '17663,,40', // 6 no name
      '17664,Thôn Không Rõ,40', // 7 no kind
      '16681,Phường Thành Vinh,40', // 8 duplicate
      '', // 9 blank, skipped
      '"17665","Xã ""Mới""",40', // 10 ok, quoted
    ].join('\n');
    const { communes: rows, errors } = importCommunesCsv(csv);
    expect(rows.map((r) => r.code)).toEqual(['16681', '17665']);
    expect(rows[1]!.name).toBe('Xã "Mới"');
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'code', 'COMMUNE_CSV.BAD_CODE'],
      [4, 'code', 'COMMUNE_CSV.BAD_CODE'],
      [5, 'provinceCode', 'COMMUNE_CSV.UNKNOWN_PROVINCE'],
      [6, 'name', 'COMMUNE_CSV.BAD_NAME'],
      [7, 'kind', 'COMMUNE_CSV.BAD_KIND'],
      [8, 'code', 'COMMUNE_CSV.DUPLICATE_CODE'],
    ]);
  });

  test('when a quoted name spans lines, then later rows keep their true line numbers', () => {
    const csv = 'code,name,provinceCode\n16681,"Phường\nThành Vinh",40\nXX,Xã A,40\n';
    const { communes: rows, errors } = importCommunesCsv(csv);
    expect(rows[0]!.name).toBe('Phường Thành Vinh');
    expect(errors).toEqual([expect.objectContaining({ row: 4, field: 'code' })]);
  });

  test('when a required column is missing, then nothing is imported and the header is blamed', () => {
    const { communes: rows, errors } = importCommunesCsv('code,name\n16681,Phường Thành Vinh\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ row: 1, field: 'provinceCode', code: 'COMMUNE_CSV.MISSING_COLUMN' })]);
    expect(importCommunesCsv('').errors[0]?.code).toBe('COMMUNE_CSV.EMPTY');
  });

  test('when the committed list is exported to CSV and imported, then it comes back unchanged', () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = ['code,name,kind,provinceCode', ...communes().map((c) => [c.code, quote(c.name), c.kind, c.provinceCode].join(','))].join(
      '\n',
    );
    const { communes: rows, errors } = importCommunesCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual(communes());
  });
});
