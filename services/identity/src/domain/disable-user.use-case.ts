import type { IdentityContext } from './identity.context';
import { errors } from './identity.errors';
import type { User } from './identity.types';

/**
 * Disables an account and revokes its sessions at once; its last access token
 * still works until it expires (minutes), and identity's own routes refuse it.
 * Disabling twice answers the same user (idempotent by nature).
 */
export async function disableUser(ctx: IdentityContext, caller: { userId: string }, userId: string): Promise<User> {
  if (userId === caller.userId) throw errors.cannotDisableSelf();
  const user = await ctx.users.findById(userId);
  if (!user) throw errors.userNotFound(userId);
  if (user.status === 'active') await ctx.users.disable(userId, new Date());
  await ctx.refreshTokens.revokeAll(userId);
  return (await ctx.users.findById(userId))!;
}
