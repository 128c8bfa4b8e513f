import { AppError } from '@hoanhap/kit';
import { loadCourse } from './access';
import type { CollegesContext } from './colleges.context';
import { certificateDto, courseDto } from './colleges.dto';
import type { Caller } from './colleges.types';
import { errors } from './colleges.errors';
import { clampLimit, decodeCursor, pageOf } from './pagination';

export async function getCourse(ctx: CollegesContext, id: string) {
  return courseDto(await loadCourse(ctx, id), ctx.settings);
}

/** GET /courses: a college lists its own courses; officers and admins any college's (or all). */
export async function listCourses(ctx: CollegesContext, caller: Caller, query: { collegeOrgId?: string; limit?: number; cursor?: string }) {
  if (caller.role === 'college' && query.collegeOrgId && query.collegeOrgId !== caller.orgId) {
    throw new AppError('AUTH.FORBIDDEN_ORG', 403, 'a college lists its own courses; the catalogue shows everyone’s');
  }
  const collegeOrgId = caller.role === 'college' ? caller.orgId : query.collegeOrgId;
  const { items, more } = await ctx.courses.page({ collegeOrgId }, clampLimit(query.limit), decodeCursor(query.cursor));
  const page = pageOf(items, more, (c) => ({ value: c.createdAt, id: c.id }));
  return { items: page.items.map((c) => courseDto(c, ctx.settings)), nextCursor: page.nextCursor };
}

/**
 * GET /certificates/{id}: the issuing college, officers and admins, and the returnee it names. Another
 * college gets 404: who studied where is not its business.
 */
export async function getCertificate(ctx: CollegesContext, caller: Caller, id: string) {
  const certificate = await ctx.certificates.findById(id);
  const allowed =
    certificate &&
    (caller.role === 'officer' ||
      caller.role === 'admin' ||
      (caller.role === 'college' && caller.orgId === certificate.collegeOrgId) ||
      (caller.role === 'returnee' && caller.sub === certificate.returneeId));
  if (!allowed) throw errors.notFound('CERTIFICATE', id);
  return certificateDto(certificate);
}
