import { randomUUID } from 'node:crypto';
import type { AccessTokenInput } from '@hoanhap/auth';
import type { IdentityContext } from './identity.context';
import type { User } from './identity.types';

export type AccessTokenSigner = (claims: AccessTokenInput) => string;

export interface UserSummary {
  id: string;
  role: User['role'];
  orgId: string;
  provinceCode: string;
  email: string;
  name: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserSummary;
}

export const summaryOf = (user: User): UserSummary => ({
  id: user.id,
  role: user.role,
  orgId: user.orgId,
  provinceCode: user.provinceCode,
  email: user.email,
  name: user.name,
});

function accessTokenFor(ctx: IdentityContext, user: User): string {
  return ctx.signAccessToken({ sub: user.id, role: user.role, orgId: user.orgId, provinceCode: user.provinceCode });
}

/** A login: a new refresh-token family and a fresh access token. */
export async function startSession(ctx: IdentityContext, user: User): Promise<Session> {
  const refreshToken = await ctx.refreshTokens.startFamily(user.id, randomUUID(), ctx.settings.refreshTokenTtlSec * 1000);
  return { accessToken: accessTokenFor(ctx, user), refreshToken, tokenType: 'Bearer', expiresIn: ctx.settings.accessTokenTtlSec, user: summaryOf(user) };
}

/** A refresh: the family's next token; the claims come from the user as stored now (role or org may have changed). */
export async function continueSession(ctx: IdentityContext, user: User, familyId: string, remainingMs: number): Promise<Session> {
  const refreshToken = await ctx.refreshTokens.next(user.id, familyId, remainingMs);
  return { accessToken: accessTokenFor(ctx, user), refreshToken, tokenType: 'Bearer', expiresIn: ctx.settings.accessTokenTtlSec, user: summaryOf(user) };
}
