import type { IdentityContext } from './identity.context';
import { errors } from './identity.errors';
import { continueSession, type Session } from './session-tokens';

/**
 * Rotates a refresh token: the presented token is spent, a new one of the
 * same family is returned with a fresh access token. A token used twice means
 * it leaked (or a client raced itself): the whole family is revoked.
 */
export async function refreshSession(ctx: IdentityContext, refreshToken: string): Promise<Session> {
  const result = await ctx.refreshTokens.consume(refreshToken);
  if (result.outcome === 'reused') throw errors.refreshReused();
  if (result.outcome === 'invalid') throw errors.refreshInvalid();
  const user = await ctx.users.findById(result.userId);
  if (!user || user.status !== 'active') {
    await ctx.refreshTokens.revokeFamily(result.familyId);
    throw user ? errors.accountDisabled() : errors.refreshInvalid();
  }
  return continueSession(ctx, user, result.familyId, result.remainingMs);
}
