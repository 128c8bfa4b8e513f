import type { IdentityContext } from './identity.context';
import type { OrganisationKind, Organisation, Page } from './identity.types';
import { clampLimit, decodeCursor, pageOf } from './pagination';

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
    decodeCursor(query.cursor),
  );
  return pageOf(items, more);
}
