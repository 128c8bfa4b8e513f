import type { Role } from '@hoanhap/auth';
import { errors } from './identity.errors';
import type { Organisation } from './identity.types';
import { KIND_FOR_ROLE } from './organisation.rules';

/** Emails compare case-insensitively; stored and looked up lower-cased and trimmed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A staff role needs an organisation of its kind; `returnee` accounts are reserved for the cases service's flow. */
export function checkRoleFitsOrganisation(role: Role, organisation: Organisation | undefined, orgId: string): Organisation {
  if (role === 'returnee') {
    throw errors.field('USER.ROLE_RESERVED', 'role', 'enum', 'returnee accounts are not created by administrators');
  }
  if (!organisation) throw errors.field('USER.ORGANISATION_UNKNOWN', 'orgId', 'reference', `no organisation ${orgId}`);
  const needed = KIND_FOR_ROLE[role];
  if (organisation.kind !== needed) {
    throw errors.field('USER.ROLE_ORGANISATION_MISMATCH', 'role', 'organisation', `role ${role} needs an organisation of kind ${needed}, not ${organisation.kind}`);
  }
  return organisation;
}
