import { hostname } from 'node:os';
import { join } from 'node:path';
import { type Config, ConfigError, field, loadConfig, kafkaFields, verifierFields } from '@hoanhap/kit';
import { mergeWeights, type Weights } from './domain/scoring/weights';

/** <repo>/.data/matching: git-ignored, beside the infrastructure's data. */
const DEFAULT_SNAPSHOT_ROOT = join(__dirname, '..', '..', '..', '.data', 'matching');

export const configSpec = {
  port: field.port('PORT', 8086),
  ...kafkaFields(),
  ...verifierFields(),
  /** Names this instance's snapshot folder and consumer groups; stable across restarts. */
  instanceId: field.string('MATCHING_INSTANCE_ID', hostname().replace(/[^A-Za-z0-9_-]/g, '-'), { pattern: /^[A-Za-z0-9_-]{1,60}$/ }),
  /**
   * Replicas on this host sharing the port (node:cluster), each a whole instance with its own model: one process
   * uses one core. Memory grows with them (each holds the national model).
   */
  workers: field.int('MATCHING_WORKERS', 1, { min: 1, max: 64 }),
  /**
   * One process (MATCHING_WORKERS=1): a front thread holds the connections and writes the answers, this
   * thread only computes them (kit's front-thread.ts): two cores for one model. false: one thread does all.
   */
  frontThread: field.bool('MATCHING_FRONT_THREAD', true),
  snapshotDir: field.string('MATCHING_SNAPSHOT_DIR', DEFAULT_SNAPSHOT_ROOT),
  snapshotIntervalSec: field.int('MATCHING_SNAPSHOT_INTERVAL_SECONDS', 60, { min: 0, max: 86_400 }),
  /** JSON merged over the default weights, e.g. {"job":{"sameCommune":30}}. */
  weightsJson: field.string('MATCHING_WEIGHTS', ''),
  reach: field.oneOf('MATCHING_REACH', ['neighbours', 'national'] as const, 'neighbours'),
  /** Minutes east of UTC where "today" is decided for restrictions' end dates (Vietnam: +7 h). */
  utcOffsetMinutes: field.int('MATCHING_UTC_OFFSET_MINUTES', 420, { min: -720, max: 840 }),
  maxLimit: field.int('MATCHING_MAX_LIMIT', 200, { min: 1, max: 1000 }),
  /** Lets `?strategy=scan` run the full-scan baseline: for the benchmark only. */
  allowScan: field.bool('MATCHING_ALLOW_SCAN', false),
};

export type MatchingConfig = Config<typeof configSpec> & { weights: Weights };

/** The kit's typed config plus the weights, parsed and checked at boot (a bad weight stops the start). */
export function loadMatchingConfig(env: NodeJS.ProcessEnv = process.env): MatchingConfig {
  const config = loadConfig(configSpec, env);
  try {
    const weights = mergeWeights(config.weightsJson ? JSON.parse(config.weightsJson) : undefined);
    if (config.appEnv === 'production' && config.allowScan) throw new Error('MATCHING_ALLOW_SCAN is for benchmarks, never production');
    return { ...config, weights };
  } catch (error) {
    throw new ConfigError([{ key: 'weightsJson', env: 'MATCHING_WEIGHTS', message: (error as Error).message }]);
  }
}
