import type { Role } from '@hoanhap/auth';
import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import type { IdentityContext } from './identity.context';
import type { Page, User, UserStatus } from './identity.types';

export interface UserQuery {
  orgId?: string;
  role?: Role;
  status?: UserStatus;
  limit?: number;
  cursor?: string;
}

export async function listUsers(ctx: IdentityContext, query: UserQuery): Promise<Page<User>> {
  const { items, more } = await ctx.users.page(
    { orgId: query.orgId, role: query.role, status: query.status },
    clampLimit(query.limit),
    decodeCreatedAtCursor(query.cursor),
  );
  return pageByCreatedAt(items, more);
}
