import type { FieldError } from '@hoanhap/kit';
import type { ImportRecord } from '../import/import-columns';
import type { NewReturnee } from './register-returnee.use-case';

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const problem = (field: string, rule: string, message: string): FieldError => ({ field, in: 'body', rule, message });

function yesNo(text: string | undefined, field: string, out: FieldError[]): boolean | undefined {
  if (text === undefined) return undefined;
  if (/^(yes|y|true|1|có|co|x)$/i.test(text)) return true;
  if (/^(no|n|false|0|không|khong)$/i.test(text)) return false;
  out.push(problem(field, 'boolean', 'must be yes or no'));
  return undefined;
}

/** "code:until; code:until" → [{ code, until }]; the code part may be "province/commune" for banned areas. */
function pairs(text: string | undefined, field: string, out: FieldError[]): { code: string; until: string }[] {
  return list(text).flatMap((item, i) => {
    const match = /^([0-9/]+)\s*:\s*(\d{4}-\d{2}-\d{2})$/.exec(item);
    if (match) return [{ code: match[1]!, until: match[2]! }];
    out.push(problem(`${field}.${i}`, 'format', 'must be code:YYYY-MM-DD'));
    return [];
  });
}

/**
 * One workbook row as the registration body it stands for (the same schema and rules then apply), plus the
 * errors of the cells that could not even be read.
 */
export function rowToNewReturnee(r: ImportRecord): { body: Partial<NewReturnee>; errors: FieldError[] } {
  const out: FieldError[] = [];
  const months = r.sentenceMonths === undefined ? undefined : Number(r.sentenceMonths);
  if (months !== undefined && !Number.isInteger(months))
    out.push(problem('sentence.months', 'integer', 'must be a whole number of months'));
  const supervised = pairs(r.supervisedCommune, 'restrictions.supervisedCommune', out)[0];
  const consent = {
    matching: yesNo(r.consentMatching, 'consent.matching', out),
    shareWithEmployers: yesNo(r.consentShareWithEmployers, 'consent.shareWithEmployers', out),
    shareWithColleges: yesNo(r.consentShareWithColleges, 'consent.shareWithColleges', out),
    shareWithBank: yesNo(r.consentShareWithBank, 'consent.shareWithBank', out),
    discoverable: yesNo(r.consentDiscoverable, 'consent.discoverable', out),
    version: r.consentVersion,
    method: r.consentMethod,
  };
  const body = {
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    gender: r.gender,
    nationalId: r.nationalId,
    phone: r.phone,
    address: { provinceCode: r.provinceCode, communeCode: r.communeCode, line: r.addressLine },
    releaseDate: r.releaseDate,
    releaseKind: r.releaseKind,
    probationEndsOn: r.probationEndsOn,
    sentence: { kind: r.sentenceKind, months },
    offenceCategory: r.offenceCategory,
    restrictions: {
      bannedOccupations: pairs(r.bannedOccupations, 'restrictions.bannedOccupations', out).map(({ code, until }) => ({ code, until })),
      bannedAreas: pairs(r.bannedAreas, 'restrictions.bannedAreas', out).map(({ code, until }) => {
        const [provinceCode, communeCode] = code.split('/');
        return { provinceCode, communeCode, until };
      }),
      supervisedCommune: supervised ? { communeCode: supervised.code, until: supervised.until } : null,
      noStateAgencyWork: yesNo(r.noStateAgencyWork, 'restrictions.noStateAgencyWork', out) ?? false,
      noStateAgencyWorkUntil: r.noStateAgencyWorkUntil,
    },
    skills: list(r.skills),
    needs: list(r.needs),
    consent,
  };
  // absent cells are absent fields, not nulls or empty strings, so the schema judges them as "missing"
  return { body: JSON.parse(JSON.stringify(body)) as Partial<NewReturnee>, errors: out };
}
