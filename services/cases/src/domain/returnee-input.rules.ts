import type { FieldError } from '@hoanhap/kit';
import { commune, communeInProvince, isOccupationCode, isProvinceCode, isSkill } from '@hoanhap/reference';
import { isValidDate } from './calendar.rules';
import type { Address, Restrictions, WorkHistoryEntry } from './returnee.types';

/** The parts of a file checked against reference data and each other, at create, update and import. */
export interface CheckedInput {
  fullName?: string;
  dateOfBirth?: string;
  releaseDate?: string;
  probationEndsOn?: string;
  address?: Address;
  restrictions?: Partial<Restrictions>;
  skills?: string[];
  workHistory?: WorkHistoryEntry[];
}

const HAS_TWO_LETTERS = /\p{L}.*\p{L}/su;

const problem = (field: string, rule: string, message: string): FieldError => ({ field, in: 'body', rule, message });

function addressErrors(address: Address | undefined, field = 'address'): FieldError[] {
  if (!address) return [];
  if (!isProvinceCode(address.provinceCode))
    return [problem(`${field}.provinceCode`, 'reference', `unknown province ${address.provinceCode}`)];
  if (!communeInProvince(address.communeCode, address.provinceCode)) {
    return [problem(`${field}.communeCode`, 'reference', `commune ${address.communeCode} is not in province ${address.provinceCode}`)];
  }
  return [];
}

function restrictionErrors(r: Partial<Restrictions> | undefined, releaseDate: string | undefined): FieldError[] {
  if (!r) return [];
  const out: FieldError[] = [];
  const notBeforeRelease = (until: string, field: string) => {
    if (releaseDate && until < releaseDate) out.push(problem(field, 'date-order', 'must not be before the release date'));
  };
  r.bannedOccupations?.forEach((b, i) => {
    if (!isOccupationCode(b.code))
      out.push(problem(`restrictions.bannedOccupations.${i}.code`, 'reference', `unknown occupation ${b.code}`));
    notBeforeRelease(b.until, `restrictions.bannedOccupations.${i}.until`);
  });
  r.bannedAreas?.forEach((b, i) => {
    const field = `restrictions.bannedAreas.${i}`;
    if (!isProvinceCode(b.provinceCode)) out.push(problem(`${field}.provinceCode`, 'reference', `unknown province ${b.provinceCode}`));
    else if (b.communeCode && !communeInProvince(b.communeCode, b.provinceCode)) {
      out.push(problem(`${field}.communeCode`, 'reference', `commune ${b.communeCode} is not in province ${b.provinceCode}`));
    }
    notBeforeRelease(b.until, `${field}.until`);
  });
  if (r.supervisedCommune) {
    if (!commune(r.supervisedCommune.communeCode))
      out.push(problem('restrictions.supervisedCommune.communeCode', 'reference', 'unknown commune'));
    notBeforeRelease(r.supervisedCommune.until, 'restrictions.supervisedCommune.until');
  }
  if (r.noStateAgencyWorkUntil) {
    if (!r.noStateAgencyWork) out.push(problem('restrictions.noStateAgencyWorkUntil', 'requires', 'only with noStateAgencyWork: true'));
    notBeforeRelease(r.noStateAgencyWorkUntil, 'restrictions.noStateAgencyWorkUntil');
  }
  return out;
}

/** Every reference code and date order a file's input must respect; an empty list when it is sound. */
export function inputErrors(input: CheckedInput, today: string): FieldError[] {
  const out: FieldError[] = [...addressErrors(input.address), ...restrictionErrors(input.restrictions, input.releaseDate)];
  // the schema counts code points: spaces, zero-width characters or lone combining marks would pass it and be stored as a blank name
  if (input.fullName !== undefined && !HAS_TWO_LETTERS.test(input.fullName))
    out.push(problem('fullName', 'letters', 'must contain at least two letters'));
  for (const [field, value] of [
    ['dateOfBirth', input.dateOfBirth],
    ['releaseDate', input.releaseDate],
    ['probationEndsOn', input.probationEndsOn],
  ] as const) {
    if (value !== undefined && !isValidDate(value)) out.push(problem(field, 'format', 'must be a date YYYY-MM-DD'));
  }
  if (input.dateOfBirth && input.dateOfBirth > today) out.push(problem('dateOfBirth', 'date-order', 'must not be in the future'));
  if (input.dateOfBirth && input.releaseDate && input.releaseDate <= input.dateOfBirth) {
    out.push(problem('releaseDate', 'date-order', 'must be after the date of birth'));
  }
  if (input.probationEndsOn && input.releaseDate && input.probationEndsOn < input.releaseDate) {
    out.push(problem('probationEndsOn', 'date-order', 'must not be before the release date'));
  }
  input.skills?.forEach((s, i) => {
    if (!isSkill(s)) out.push(problem(`skills.${i}`, 'reference', `unknown skill ${s}`));
  });
  input.workHistory?.forEach((w, i) => {
    if (w.occupationCode && !isOccupationCode(w.occupationCode))
      out.push(problem(`workHistory.${i}.occupationCode`, 'reference', `unknown occupation ${w.occupationCode}`));
  });
  return out;
}
