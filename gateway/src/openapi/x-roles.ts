import { ROLES, type Role } from '@hoanhap/auth';

/** Who may call an operation: `public` (no token) or a list of roles. */
export type Access = 'public' | readonly Role[];

const KNOWN = new Set<string>([...ROLES, 'public']);

/**
 * Reads an operation's `x-roles`. Returns the access rule, or a reason the
 * declaration is unusable. `public` must stand alone: a list that mixed it
 * with roles would be read two ways.
 */
export function readXRoles(value: unknown): { access: Access } | { problem: string } {
  if (!Array.isArray(value) || value.length === 0) return { problem: 'has no x-roles (a non-empty list is required)' };
  const unknown = value.filter((v) => typeof v !== 'string' || !KNOWN.has(v));
  if (unknown.length > 0) return { problem: `x-roles names unknown roles: ${unknown.map(String).join(', ')}` };
  if (value.includes('public')) {
    return value.length === 1 ? { access: 'public' } : { problem: 'x-roles mixes public with roles' };
  }
  return { access: [...new Set(value as Role[])] };
}

/** True when the access rule lets this role through (public lets everyone through). */
export function allows(access: Access, role: Role | undefined): boolean {
  return access === 'public' || (role !== undefined && access.includes(role));
}
