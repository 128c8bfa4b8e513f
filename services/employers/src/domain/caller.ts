import type { Role } from '@hoanhap/auth';
import { errors } from './employers.errors';

/** Who is calling, as the verified token says; the use cases decide what that caller may see. */
export interface Caller {
  userId: string;
  role: Role;
  orgId?: string;
  provinceCode?: string;
}

/** An employer acting for its organisation; a token without `orgId` cannot own anything. */
export const isEmployerOf = (caller: Caller, orgId: string) =>
  caller.role === 'employer' && caller.orgId !== undefined && caller.orgId === orgId;

/** The organisation an employer acts for; a token without one is refused (403). */
export function orgOf(caller: Caller): string {
  if (!caller.orgId) throw errors.noOrganisation();
  return caller.orgId;
}
