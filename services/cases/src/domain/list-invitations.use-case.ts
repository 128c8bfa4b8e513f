import { provinceScope } from './access.rules';
import type { CasesContext } from './cases.context';
import { visibleInvitation } from './decide-invitation.use-case';
import type { InvitationStatus } from './invitation.types';
import { clampLimit, decodeCursor, pageOf } from './pagination';
import type { Actor } from './returnee.types';

export interface InvitationQuery {
  status?: InvitationStatus;
  returneeId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * Employers' invitations to returnees of the officer's province (any for an admin), newest first; `pending`
 * ones are the officer's to answer.
 */
export async function listInvitations(ctx: CasesContext, actor: Actor, query: InvitationQuery) {
  const limit = clampLimit(query.limit);
  const rows = await ctx.invitations.page(
    { provinceCode: provinceScope(actor), status: query.status, returneeId: query.returneeId },
    limit,
    decodeCursor(query.cursor),
  );
  return pageOf(rows, limit, (row) => row.invitation);
}

export const getInvitation = (ctx: CasesContext, actor: Actor, id: string) => visibleInvitation(ctx, actor, id);
