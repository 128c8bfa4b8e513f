import type { Connection } from 'mongoose';
import type { AggregateStore } from '@hoanhap/events';
import type { RedisClientType } from 'redis';
import type { Certificate } from '../domain/colleges.types';
import { certificateModel } from './certificate.model';
import { aggregateWriter } from './aggregate-writer';
import { fromDoc } from './documents';

export type RedisClient = Pick<RedisClientType, 'incr' | 'ping' | 'get' | 'set'>;

export function certificateRepository(connection: Connection, store: AggregateStore<Record<string, unknown>>, redis: RedisClient, redisPrefix: string) {
  const model = certificateModel(connection);
  return {
    init: () => model.init(),
    /** Writes certificates; a second one for the same enrolment fails on the unique index (code 11000). */
    ...aggregateWriter<Certificate>(store),
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? fromDoc<Certificate>(document) : undefined;
    },
    /** The next number of a year's sequence: Redis INCR is atomic where FerretDB updates are not (gaps are harmless). */
    nextSequence: (year: number) => redis.incr(`${redisPrefix}certificate-seq:${year}`),
  };
}

export type CertificateRepository = ReturnType<typeof certificateRepository>;
