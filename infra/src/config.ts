import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Versions pinned for the native servers; the cache is keyed by them. */
export const versions = {
  kafka: '3.9.1',
  ferretdb: '1.24.2',
} as const;

export const repoRoot = resolve(__dirname, '..', '..');
export const cacheDir = process.env.HOANHAP_CACHE ?? join(homedir(), '.cache', 'hoanhap');
export const dataDir = process.env.HOANHAP_DATA ?? join(repoRoot, '.data');
export const logDir = join(dataDir, 'logs');
export const runDir = join(dataDir, 'run');

export const kafkaLibDir = join(cacheDir, `kafka-${versions.kafka}`, 'lib');

/** A short hash of the FerretDB wrapper's sources: a change to them builds a new binary instead of reusing the cached one. */
function wrapperHash(): string {
  const dir = join(repoRoot, 'infra', 'ferretdb');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => /\.go$|^go\.(mod|sum)$/.test(f)).sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 10);
}
export const ferretdbBin = join(cacheDir, `ferretdb-${versions.ferretdb}-${wrapperHash()}`, 'ferretdb');

function hostPort(value: string): { host: string; port: number } {
  const withoutScheme = value.replace(/^[a-z]+:\/\//, '').split('/')[0]!.split(',')[0]!;
  const [host, port] = withoutScheme.split(':');
  return { host: host || '127.0.0.1', port: Number(port) };
}

/**
 * Where each server is. A URL given in the environment means "someone else runs
 * it": the script checks it answers and never starts or stops it.
 */
export function endpoints() {
  // INFRA_PORT_OFFSET moves a second, private set of servers aside (the lifecycle test uses it).
  const offset = Number(process.env.INFRA_PORT_OFFSET ?? 0);
  const kafka = process.env.KAFKA_BROKERS ?? `127.0.0.1:${9092 + offset}`;
  const mongo = process.env.MONGO_URL ?? `mongodb://127.0.0.1:${27017 + offset}`;
  const redis = process.env.REDIS_URL ?? `redis://127.0.0.1:${6379 + offset}`;
  return {
    kafka: { url: kafka, external: Boolean(process.env.KAFKA_BROKERS), ...hostPort(kafka) },
    mongo: { url: mongo, external: Boolean(process.env.MONGO_URL), ...hostPort(mongo) },
    redis: { url: redis, external: Boolean(process.env.REDIS_URL), ...hostPort(redis) },
  };
}
export type Endpoints = ReturnType<typeof endpoints>;
export type ServerName = keyof Endpoints;
