import type { AuthClaims } from '@hoanhap/auth';
import { AppError, type FieldError } from '@hoanhap/kit';
import { communeInProvince, isCommuneCode, isProvinceCode } from '@hoanhap/reference';

export interface ReportQueryInput {
  provinceCode?: string;
  communeCode?: string;
  from?: string;
  to?: string;
}

/** A checked query: dates are YYYY-MM-DD, inclusive; a month (YYYY-MM) stands for its first or last day. */
export interface ReportQuery {
  provinceCode?: string;
  communeCode?: string;
  from?: string;
  to: string;
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
};
const startOf = (value?: string) => (value && value.length === 7 ? `${value}-01` : value);
const endOf = (value: string) => (value.length === 7 ? lastDayOf(value) : value);

const bad = (field: string, rule: string, message: string): FieldError => ({ field, in: 'query', rule, message });

/**
 * Shape rules the OpenAPI document cannot say (known codes, from ≤ to), then object-level access: an officer
 * reads their own province only (OWASP API1); no province means theirs. Admins read any, or the whole country.
 */
export function checkReportQuery(input: ReportQueryInput, caller: AuthClaims, today: string, options: { provinceRequired?: boolean } = {}): ReportQuery {
  const provinceCode = input.provinceCode ?? (caller.role === 'officer' ? caller.provinceCode : undefined);
  const from = startOf(input.from);
  const to = endOf(input.to ?? today);
  const errors: FieldError[] = [];
  if (provinceCode !== undefined && !isProvinceCode(provinceCode)) errors.push(bad('provinceCode', 'known', `no province '${provinceCode}'`));
  if (provinceCode === undefined && options.provinceRequired) errors.push(bad('provinceCode', 'required', 'provinceCode is required'));
  if (input.communeCode !== undefined) {
    if (!isCommuneCode(input.communeCode)) errors.push(bad('communeCode', 'known', `no commune '${input.communeCode}'`));
    else if (provinceCode && isProvinceCode(provinceCode) && !communeInProvince(input.communeCode, provinceCode)) {
      errors.push(bad('communeCode', 'inProvince', `commune '${input.communeCode}' is not in province '${provinceCode}'`));
    }
  }
  if (from && from > to) errors.push(bad('from', 'notAfterTo', `from (${from}) is after to (${to})`));
  if (errors.length > 0) throw new AppError('REQUEST.VALIDATION_FAILED', 400, 'invalid report query', { errors });
  if (caller.role === 'officer' && (!caller.provinceCode || provinceCode !== caller.provinceCode)) {
    throw new AppError('REPORTS.FORBIDDEN_PROVINCE', 403, 'an officer reads the figures of their own province only');
  }
  return { provinceCode, communeCode: input.communeCode, from, to };
}
