import { clampLimit, decodeCreatedAtCursor, pageByCreatedAt } from '@hoanhap/kit';
import type { IdentityContext } from './identity.context';
import type { OrganisationKind, Organisation, Page } from './identity.types';

export interface OrganisationQuery {
  kind?: OrganisationKind;
  provinceCode?: string;
  limit?: number;
  cursor?: string;
}

export async function listOrganisations(ctx: IdentityContext, query: OrganisationQuery): Promise<Page<Organisation>> {
  const { items, more } = await ctx.organisations.page(
    { kind: query.kind, provinceCode: query.provinceCode },
    clampLimit(query.limit),
    decodeCreatedAtCursor(query.cursor),
  );
  return pageByCreatedAt(items, more);
}
