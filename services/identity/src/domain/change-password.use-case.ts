import type { IdentityContext } from './identity.context';
import { errors } from './identity.errors';
import { hashPassword, passwordMatches } from './password';

/**
 * Changes the caller's password after checking the current one (a stolen
 * access token alone must not be enough), then revokes every refresh token:
 * other devices must log in again. Wrong current passwords count towards the
 * same lockout as logins, or this would be a way around it.
 */
export async function changePassword(ctx: IdentityContext, userId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await ctx.users.findByIdWithSecret(userId);
  if (!user) throw errors.userNotFound(userId);
  if (user.status !== 'active') throw errors.accountDisabled();
  const lockedUntil = await ctx.loginAttempts.lockedUntil(user.email);
  if (lockedUntil) throw errors.accountLocked(lockedUntil);

  if (!(await passwordMatches(input.currentPassword, user.passwordHash))) {
    const { maxLoginFailures, lockoutSec } = ctx.settings;
    const lockedNow = await ctx.loginAttempts.recordFailure(user.email, maxLoginFailures, lockoutSec * 1000);
    throw lockedNow ? errors.accountLocked(lockedNow) : errors.currentPasswordWrong();
  }
  if (input.newPassword === input.currentPassword) throw errors.samePassword();
  await ctx.loginAttempts.clear(user.email);
  await ctx.users.setPasswordHash(user.id, await hashPassword(input.newPassword));
  await ctx.refreshTokens.revokeAll(user.id);
}
