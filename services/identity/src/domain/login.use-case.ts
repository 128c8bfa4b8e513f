import type { IdentityContext } from './identity.context';
import { errors } from './identity.errors';
import { passwordMatches } from './password';
import { type Session, startSession } from './session-tokens';
import { normaliseEmail } from './user.rules';

/**
 * Email + password → a session. A locked account is refused before the
 * password is even checked (no oracle while locked); each failure counts
 * towards the lock, and the failure that reaches the limit already answers 423.
 */
export async function login(ctx: IdentityContext, input: { email: string; password: string }): Promise<Session> {
  const email = normaliseEmail(input.email);
  const lockedUntil = await ctx.loginAttempts.lockedUntil(email);
  if (lockedUntil) throw errors.accountLocked(lockedUntil);

  const user = await ctx.users.findByEmailWithSecret(email);
  if (!(await passwordMatches(input.password, user?.passwordHash)) || !user) {
    const { maxLoginFailures, lockoutSec } = ctx.settings;
    const lockedNow = await ctx.loginAttempts.recordFailure(email, maxLoginFailures, lockoutSec * 1000);
    throw lockedNow ? errors.accountLocked(lockedNow) : errors.invalidCredentials();
  }
  await ctx.loginAttempts.clear(email);
  if (user.status !== 'active') throw errors.accountDisabled();
  return startSession(ctx, user);
}
