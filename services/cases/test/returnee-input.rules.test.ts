import { inputErrors } from '../src/domain/returnee-input.rules';

const TODAY = '2026-12-03';
const nameErrors = (fullName: string) => inputErrors({ fullName }, TODAY).filter((e) => e.field === 'fullName');

describe('a returnee name', () => {
  it.each(['Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD'), 'An', 'Hồ Thị Ánh'])('when it is %j, then it is accepted', (name) => {
    expect(nameErrors(name)).toEqual([]);
  });

  it.each(['   ', '\u200b\u200b\u200b', '\u0301\u0301\u0301', '12', '-- .'])(
    'when it is %j (no two letters), then fullName fails the letters rule',
    (name) => {
      expect(nameErrors(name)).toEqual([expect.objectContaining({ field: 'fullName', rule: 'letters' })]);
    },
  );
});
