import { communeInProvince, isCommuneCode, isOccupationCode, isProvinceCode, isSkill } from '@hoanhap/reference';
import type { FieldError } from '@hoanhap/kit';
import type { CourseFields, CourseLevel } from './colleges.types';
import { errors } from './colleges.errors';

/**
 * Course levels under the Law on Vocational Education 2014 (Luật Giáo dục nghề nghiệp), by length:
 * training under 3 months (đào tạo thường xuyên, "short"), elementary (sơ cấp, 3 months to under 1 year),
 * intermediate (trung cấp, 1 to 2 years). Weeks are the course's nominal length.
 */
export const LEVEL_WEEKS: Record<CourseLevel, { min: number; max: number }> = {
  short: { min: 1, max: 12 },
  elementary: { min: 13, max: 51 },
  intermediate: { min: 52, max: 104 },
};

export const levelFor = (durationWeeks: number): CourseLevel =>
  durationWeeks <= LEVEL_WEEKS.short.max ? 'short' : durationWeeks <= LEVEL_WEEKS.elementary.max ? 'elementary' : 'intermediate';

export function placeProblems(provinceCode: string, communeCode: string | undefined, prefix = ''): FieldError[] {
  if (!isProvinceCode(provinceCode)) return [errors.field(`${prefix}provinceCode`, 'unknown-code', `${prefix}provinceCode ${provinceCode} is not a province code`)];
  if (communeCode === undefined) return [];
  if (!isCommuneCode(communeCode)) return [errors.field(`${prefix}communeCode`, 'unknown-code', `${prefix}communeCode ${communeCode} is not a commune code`)];
  return communeInProvince(communeCode, provinceCode)
    ? []
    : [errors.field(`${prefix}communeCode`, 'in-province', `${prefix}communeCode ${communeCode} is not in province ${provinceCode}`)];
}

/** Every rule a course must keep that its JSON schema cannot say; throws one 400 naming every failing field. */
export function checkCourse(course: CourseFields): void {
  const problems: FieldError[] = [];
  if (!isOccupationCode(course.occupationCode)) {
    problems.push(errors.field('occupationCode', 'unknown-code', `occupationCode ${course.occupationCode} is not a VSCO 2020 code we know`));
  }
  course.skillsGranted.forEach((slug, i) => {
    if (!isSkill(slug)) problems.push(errors.field(`skillsGranted[${i}]`, 'unknown-code', `skillsGranted[${i}] ${slug} is not a skill of the vocabulary`));
  });
  problems.push(...placeProblems(course.provinceCode, course.communeCode));
  if (course.delivery === 'commune' && !course.communeCode) {
    problems.push(errors.field('communeCode', 'required', 'communeCode is required for a course delivered at a commune'));
  }
  const weeks = LEVEL_WEEKS[course.level];
  if (course.durationWeeks < weeks.min || course.durationWeeks > weeks.max) {
    problems.push(errors.field('durationWeeks', 'level', `a ${course.level} course lasts ${weeks.min} to ${weeks.max} weeks`));
  }
  course.support.forEach((s, i) => {
    if (s.kind === 'tuition-reduced' && (s.amountVnd === undefined || s.amountVnd > course.tuitionVnd)) {
      problems.push(errors.field(`support[${i}].amountVnd`, 'maximum', `support[${i}].amountVnd is required and at most tuitionVnd for a reduction`));
    }
  });
  if (problems.length > 0) throw errors.invalid(problems);
}
