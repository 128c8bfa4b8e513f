import type { IdentityContext } from './identity.context';
import { errors } from './identity.errors';
import type { User } from './identity.types';

/** The caller as stored now; a token outliving a disabled account gets no profile. */
export async function currentUser(ctx: IdentityContext, userId: string): Promise<User> {
  const user = await ctx.users.findById(userId);
  if (!user) throw errors.userNotFound(userId);
  if (user.status !== 'active') throw errors.accountDisabled();
  return user;
}
