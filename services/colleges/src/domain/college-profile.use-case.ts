import { collegeOf } from './access';
import type { CollegesContext } from './colleges.context';
import type { Caller, College } from './colleges.types';
import { errors } from './colleges.errors';
import { placeProblems } from './course.rules';

export type CollegeProfileInput = Omit<College, 'id' | 'updatedAt'>;

/** PUT /organisations/me: the college's own profile (its id is the caller's organisation). */
export async function saveCollegeProfile(ctx: CollegesContext, caller: Caller, input: CollegeProfileInput): Promise<College> {
  const problems = placeProblems(input.provinceCode, input.communeCode);
  if (problems.length > 0) throw errors.invalid(problems);
  const college: College = { ...input, name: input.name.trim(), contact: input.contact ?? {}, id: collegeOf(caller), updatedAt: new Date() };
  await ctx.colleges.save(college);
  return college;
}

export async function getCollegeProfile(ctx: CollegesContext, caller: Caller): Promise<College> {
  const college = await ctx.colleges.findById(collegeOf(caller));
  if (!college) throw errors.notFound('COLLEGE', collegeOf(caller));
  return college;
}
