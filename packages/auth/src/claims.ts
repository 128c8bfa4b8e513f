import { AppError } from '@hoanhap/kit';

/** Every role the system knows (ARCHITECTURE §1). */
export const ROLES = ['officer', 'employer', 'college', 'bank', 'admin', 'returnee'] as const;
export type Role = (typeof ROLES)[number];

/** What a verified access token says about its bearer. */
export interface AuthClaims {
  /** The user's id. */
  sub: string;
  role: Role;
  /** The organisation the user acts for (absent for returnees). */
  orgId?: string;
  /** The province the user works in, when the role is provincial. */
  provinceCode?: string;
  iss: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  jti?: string;
}

const optionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** Checks a verified payload's shape; a token with a known signature can still carry a bad claim. */
export function parseClaims(payload: unknown): AuthClaims {
  const p = (payload ?? {}) as Record<string, unknown>;
  const problems = [
    typeof p.sub === 'string' && p.sub.length > 0 ? undefined : 'sub',
    ROLES.includes(p.role as Role) ? undefined : 'role',
    optionalString(p.orgId) ? undefined : 'orgId',
    optionalString(p.provinceCode) ? undefined : 'provinceCode',
    typeof p.exp === 'number' ? undefined : 'exp',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new AppError('AUTH.TOKEN_INVALID', 401, `the token's claims are invalid: ${problems.join(', ')}`, {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
  const claims = { ...p } as unknown as AuthClaims;
  if (p.orgId === null) delete claims.orgId;
  if (p.provinceCode === null) delete claims.provinceCode;
  return claims;
}
