import type { IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { Organisation, OrganisationKind, PagePosition } from '../domain/identity.types';
import { organisationModel, type OrganisationDocument } from './organisation.model';
import { pageQuery } from './page-query';

const toOrganisation = (d: OrganisationDocument): Organisation => ({
  id: d._id,
  kind: d.kind,
  name: d.name,
  provinceCode: d.provinceCode,
  ...(d.communeCode ? { communeCode: d.communeCode } : {}),
  createdAt: d.createdAt,
});

export interface OrganisationFilter {
  kind?: OrganisationKind;
  provinceCode?: string;
}

/** Organisations in Mongo; returns plain objects. */
export function organisationRepository(connection: Connection) {
  const model = organisationModel(connection);
  return {
    init: () => model.init(),
    /** One insert; a duplicate `_id` (code 11000) reaches the caller. */
    insert: async ({ id, ...organisation }: Organisation & { idempotency?: IdempotencyRecord }) => {
      await model.create({ _id: id, ...organisation });
    },
    findIdempotency: async (id: string) => (await model.findById(id).select('+idempotency').lean())?.idempotency,
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? toOrganisation(document) : undefined;
    },
    page: async (filter: OrganisationFilter, limit: number, after?: PagePosition) => {
      const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const { documents, more } = await pageQuery(model, query, limit, after);
      return { items: documents.map(toOrganisation), more };
    },
  };
}

export type OrganisationRepository = ReturnType<typeof organisationRepository>;
