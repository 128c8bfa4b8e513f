import { AppError } from '@hoanhap/kit';
import { communeInProvince, isCommuneCode, isOccupationCode, isProvinceCode, isSkill } from '@hoanhap/reference';

/** One failed rule on one body field, with the code the problem document carries. */
export interface Issue {
  code: string;
  field: string;
  rule: string;
  message: string;
}

/** Throws one 400 naming every issue (its code is the first one's), or nothing. */
export function throwIfAny(issues: Issue[]): void {
  if (issues.length === 0) return;
  const errors = issues.map(({ field, rule, message }) => ({ field, in: 'body' as const, rule, message }));
  throw new AppError(issues[0]!.code, 400, issues.map((i) => i.message).join('; '), { errors });
}

/** Province and commune exist in the official lists and the commune lies in the province. */
export function locationIssues(prefix: string, provinceCode: string | undefined, communeCode: string | undefined): Issue[] {
  if (provinceCode !== undefined && !isProvinceCode(provinceCode)) {
    return [
      {
        code: `${prefix}.PROVINCE_UNKNOWN`,
        field: 'provinceCode',
        rule: 'reference',
        message: `provinceCode ${provinceCode} is not a province code`,
      },
    ];
  }
  if (communeCode === undefined) return [];
  if (!isCommuneCode(communeCode)) {
    return [
      {
        code: `${prefix}.COMMUNE_UNKNOWN`,
        field: 'communeCode',
        rule: 'reference',
        message: `communeCode ${communeCode} is not a commune code`,
      },
    ];
  }
  if (provinceCode !== undefined && !communeInProvince(communeCode, provinceCode)) {
    return [
      {
        code: `${prefix}.COMMUNE_NOT_IN_PROVINCE`,
        field: 'communeCode',
        rule: 'reference',
        message: `communeCode ${communeCode} is not in province ${provinceCode}`,
      },
    ];
  }
  return [];
}

export function occupationIssues(occupationCode: string | undefined): Issue[] {
  if (occupationCode === undefined || isOccupationCode(occupationCode)) return [];
  return [
    {
      code: 'JOB.OCCUPATION_UNKNOWN',
      field: 'occupationCode',
      rule: 'reference',
      message: `occupationCode ${occupationCode} is not a VSCO 2020 code we know`,
    },
  ];
}

export function skillIssues(field: string, slugs: readonly string[] | undefined): Issue[] {
  return (slugs ?? []).flatMap((slug, i) =>
    isSkill(slug)
      ? []
      : [
          {
            code: 'JOB.SKILL_UNKNOWN',
            field: `${field}[${i}]`,
            rule: 'reference',
            message: `${field}[${i}] "${slug}" is not in the skills vocabulary`,
          },
        ],
  );
}
