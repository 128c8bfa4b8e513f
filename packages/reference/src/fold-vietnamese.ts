const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds Vietnamese text for search: strips tones and vowel marks, maps đ/Đ to d, lower-cases and
 * collapses whitespace. Accepts NFC and NFD input alike.
 * @example foldVietnamese('Nguyễn Văn An') === 'nguyen van an'
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
