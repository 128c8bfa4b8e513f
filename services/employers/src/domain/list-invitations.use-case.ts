import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import { type Caller, orgOf } from './caller';
import type { EmployersContext } from './employers.context';
import { invitationDto } from './request-invitation.use-case';

/** Employers see their own requests; officers and admins see all (they act on them). */
export async function listInvitations(ctx: EmployersContext, caller: Caller, query: { jobId?: string; limit?: number; cursor?: string }) {
  const filter = { jobId: query.jobId, ...(caller.role === 'employer' ? { employerOrgId: orgOf(caller) } : {}) };
  const { items, more } = await ctx.invitations.list(filter, clampLimit(query.limit), decodeCreatedAtCursor(query.cursor));
  const page = pageByCreatedAt(items, more);
  return { items: page.items.map(invitationDto), nextCursor: page.nextCursor };
}
