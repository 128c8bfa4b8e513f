import type { Returnee } from './returnee';
import type { Actor } from './returnee.types';
import { errors } from './cases.errors';

/** The province an officer works in; an officer token without one may do nothing here. Admins have none. */
export function provinceScope(actor: Actor): string | undefined {
  if (actor.role === 'admin') return undefined;
  if (!actor.provinceCode) throw errors.noProvince();
  return actor.provinceCode;
}

/**
 * Object-level authorisation (OWASP API1): an officer manages the files of their own province, an admin all.
 * A deleted file is only visible to admins. Anything else is "not found", so another province's files do not
 * even show that they exist.
 */
export function canManage(actor: Actor, returnee: Returnee): boolean {
  if (actor.role === 'admin') return true;
  return returnee.status !== 'deleted' && actor.role === 'officer' && returnee.address.provinceCode === provinceScope(actor);
}

/** An officer of an earlier province keeps read access to what they recorded, nothing more. */
export function isFormerOfficer(actor: Actor, returnee: Returnee): boolean {
  return actor.role === 'officer' && returnee.status !== 'deleted' && returnee.formerOfficerIds.includes(actor.id);
}

/** The file for managing, or 404. */
export function managedOrNotFound(actor: Actor, returnee: Returnee | null, id: string): Returnee {
  if (!returnee || !canManage(actor, returnee)) throw errors.returneeNotFound(id);
  return returnee;
}

/** A write needs an active file (not deleted; a pending transfer still allows case work). */
export function assertWritable(returnee: Returnee): void {
  if (returnee.status === 'deleted') throw errors.notActive(returnee.id, returnee.status);
}
