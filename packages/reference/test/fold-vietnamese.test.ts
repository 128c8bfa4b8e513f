import { foldVietnamese } from '../src';

describe('foldVietnamese', () => {
  test('when given a name, then tones and marks are stripped and it is lower-cased', () => {
    expect(foldVietnamese('Nguyễn Văn An')).toBe('nguyen van an');
  });

  test('when given NFD input, then it folds the same as NFC', () => {
    const nfd = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hồng Nhung'.normalize('NFC'));
    expect(foldVietnamese(nfd)).toBe('nguyen thi hong nhung');
    expect(foldVietnamese('Hoà Bình')).toBe(foldVietnamese('Hòa Bình'.normalize('NFD')));
  });

  test('when given đ or Đ, then they become d', () => {
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
    expect(foldVietnamese('Xã Đô Lương')).toBe('xa do luong');
  });

  test('when given extra whitespace, then it is collapsed and trimmed', () => {
    expect(foldVietnamese('  Phường   Thành\tVinh ')).toBe('phuong thanh vinh');
  });

  test('when given every toned vowel, then only ASCII letters remain', () => {
    const vowels = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
    expect(foldVietnamese(vowels)).toMatch(/^[aeiouy]+$/);
    expect(foldVietnamese(vowels.toUpperCase())).toBe(foldVietnamese(vowels));
  });
});
