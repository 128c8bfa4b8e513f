import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { organisationDto } from './organisation.dto';
import type { OrganisationFilter } from './organisation.types';

export async function listOrganisations(ctx: EmployersContext, query: OrganisationFilter & { limit?: number; cursor?: string }) {
  const { limit, cursor, ...filter } = query;
  const { items, more } = await ctx.organisations.list(filter, clampLimit(limit), decodeCreatedAtCursor(cursor));
  const page = pageByCreatedAt(items, more);
  return { items: page.items.map(organisationDto), nextCursor: page.nextCursor };
}

/** One profile: officers and admins see any, an employer only its own (others are 404). */
export async function getOrganisation(ctx: EmployersContext, caller: Caller, orgId: string) {
  const organisation = await ctx.organisations.findById(orgId);
  if (!organisation || (caller.role === 'employer' && !isEmployerOf(caller, orgId))) throw errors.organisationNotFound(orgId);
  return organisationDto(organisation);
}
