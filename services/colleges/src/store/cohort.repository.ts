import type { IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { AggregateStore } from '@hoanhap/events';
import type { Cause, OutgoingEvent } from '../domain/colleges.context';
import type { Cohort } from '../domain/colleges.types';
import type { PagePosition } from '../domain/pagination';
import { cohortModel } from './cohort.model';
import { aggregateWriter } from './aggregate-writer';
import { definedOnly, fromDoc } from './documents';
import { pageQuery } from './page-query';

export interface CatalogueFilter {
  provinceCode?: string;
  occupationCode?: string;
  startsBefore?: string;
  minSeatsLeft?: number;
  freeOnly?: boolean;
}

/** The catalogue shows cohorts a person can join now (planned ones are not published yet). */
const JOINABLE = ['open'];

function catalogueQuery(filter: CatalogueFilter): Record<string, unknown> {
  return definedOnly({
    status: { $in: JOINABLE },
    'location.provinceCode': filter.provinceCode,
    'course.occupationCode': filter.occupationCode,
    startsOn: filter.startsBefore ? { $lt: filter.startsBefore } : undefined,
    // a hint kept by recounts; the answer recounts live and drops the ones that filled meanwhile
    seatsLeft: filter.minSeatsLeft ? { $gte: filter.minSeatsLeft } : undefined,
    'course.netTuitionVnd': filter.freeOnly ? 0 : undefined,
  });
}

export function cohortRepository(connection: Connection, store: AggregateStore<Record<string, unknown>>) {
  const model = cohortModel(connection);
  const writer = aggregateWriter<Cohort>(store);
  return {
    init: () => model.init(),
    ...writer,
    /** A new cohort (createOnce's insert): an existing id fails like a duplicate insert (code 11000). */
    create: async (cohort: Cohort & { idempotency?: IdempotencyRecord }, events: OutgoingEvent[], cause: Cause) => {
      await writer.change(
        cohort.id,
        (current) => {
          if (current) throw Object.assign(new Error(`cohort ${cohort.id} exists`), { code: 11000 });
          return { next: cohort, events };
        },
        cause,
      );
    },
    findIdempotency: async (id: string) => (await model.findById(id).select('+idempotency').lean())?.idempotency,
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? fromDoc<Cohort>(document) : undefined;
    },
    idsOfCourse: async (courseId: string) => (await model.find({ courseId }, { _id: 1 }).lean()).map((d) => d._id),
    pageOfCourse: async (courseId: string, limit: number, after?: PagePosition) => {
      const { documents, more } = await pageQuery(model, { courseId }, 'startsOn', limit, after);
      return { items: documents.map((d) => fromDoc<Cohort>(d)), more };
    },
    catalogue: async (filter: CatalogueFilter, limit: number, after?: PagePosition) => {
      const { documents, more } = await pageQuery(model, catalogueQuery(filter), 'startsOn', limit, after);
      return { items: documents.map((d) => fromDoc<Cohort>(d)), more };
    },
  };
}

export type CohortRepository = ReturnType<typeof cohortRepository>;
