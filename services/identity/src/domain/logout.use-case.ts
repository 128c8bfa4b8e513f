import type { IdentityContext } from './identity.context';

/**
 * Ends the session the refresh token belongs to (every token of its family).
 * An unknown token is not an error: logging out twice, or after expiry, is
 * fine, and the answer must not reveal whether a token was valid. The access
 * token stays valid until it expires (minutes): verifiers are stateless.
 */
export async function logout(ctx: IdentityContext, refreshToken: string): Promise<void> {
  const family = await ctx.refreshTokens.familyOf(refreshToken);
  if (family) await ctx.refreshTokens.revokeFamily(family.familyId);
}
