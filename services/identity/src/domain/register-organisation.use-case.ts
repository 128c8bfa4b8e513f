import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import type { IdentityContext } from './identity.context';
import type { Organisation, OrganisationKind } from './identity.types';
import { checkLocation } from './organisation.rules';
import { organisationDto, type OrganisationDto } from './identity.dto';

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  provinceCode: string;
  communeCode?: string;
}

/**
 * Registers an organisation, at most once per Idempotency-Key and admin.
 * Publishing `identity.organisation.registered.v1` waits for packages/events
 * (its outbox); until then other services learn organisations from tokens.
 */
export async function registerOrganisation(
  ctx: IdentityContext,
  caller: { userId: string },
  key: string | undefined,
  input: NewOrganisation,
): Promise<CreateOnceResult<OrganisationDto>> {
  checkLocation(input.provinceCode, input.communeCode);
  return createOnce({
    resource: 'organisation',
    scope: caller.userId,
    key,
    request: input,
    build: (id) => {
      const organisation: Organisation = { id, ...input, name: input.name.trim(), createdAt: new Date() };
      return { document: organisation, reply: { status: 201, body: organisationDto(organisation) } };
    },
    insert: (document) => ctx.organisations.insert(document),
    findRecord: (id) => ctx.organisations.findIdempotency(id),
    cache: ctx.idempotencyCache,
  });
}
