import { type Caller, orgOf } from './caller';
import type { EmployersContext } from './employers.context';
import { clampLimit, decodeCursor, pageOf } from './pagination';
import { invitationDto } from './request-invitation.use-case';

/** Employers see their own requests; officers and admins see all (they act on them). */
export async function listInvitations(ctx: EmployersContext, caller: Caller, query: { jobId?: string; limit?: number; cursor?: string }) {
  const filter = { jobId: query.jobId, ...(caller.role === 'employer' ? { employerOrgId: orgOf(caller) } : {}) };
  const { items, more } = await ctx.invitations.list(filter, clampLimit(query.limit), decodeCursor(query.cursor));
  const page = pageOf(items, more);
  return { items: page.items.map(invitationDto), nextCursor: page.nextCursor };
}
