import { createHash, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { infraUrls } from './infra-urls';

export interface TestNamespace {
  /** A database name used by this test file only. */
  dbName: string;
  /** Prepended to every topic and consumer group this test file creates. */
  topicPrefix: string;
  /** Prepended to every Redis key this test file writes. */
  redisPrefix: string;
  /** MONGO_URL with this file's database as its path. */
  mongoUri: string;
  kafkaBrokers: string[];
  redisUrl: string;
}

function currentTestFile(): string {
  const state = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState();
  return state?.testPath ?? process.argv[1] ?? 'script';
}

/**
 * A fresh namespace for one test file, so files run in parallel against the
 * same servers without seeing each other's data. Names stay short: FerretDB
 * limits database names, Kafka topic names.
 */
export function testNamespace(label?: string): TestNamespace {
  const file = currentTestFile();
  const slug = (label ?? basename(file).replace(/\.test\.ts$/, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  const id = createHash('sha1').update(file).update(randomBytes(8)).digest('hex').slice(0, 8);
  const urls = infraUrls();
  const dbName = `t_${slug}_${id}`;
  const base = urls.mongoUrl.replace(/\/[^/?]*(\?.*)?$/, (_m, query?: string) => `/${dbName}${query ?? ''}`);
  const mongoUri = /^mongodb(\+srv)?:\/\/[^/]+$/.test(urls.mongoUrl) ? `${urls.mongoUrl}/${dbName}` : base;
  return {
    dbName,
    topicPrefix: `t.${slug}.${id}.`,
    redisPrefix: `t:${slug}:${id}:`,
    mongoUri,
    kafkaBrokers: urls.kafkaBrokers,
    redisUrl: urls.redisUrl,
  };
}
