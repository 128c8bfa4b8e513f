import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Jest globalSetup: makes sure Kafka, MongoDB (FerretDB) and Redis answer
 * before any test file runs.
 * - KAFKA_BROKERS / MONGO_URL / REDIS_URL given: those servers are used as they are.
 * - TEST_INFRA=docker and a Docker engine answers: testcontainers starts them.
 * - otherwise: the native servers are started (idempotent) by infra/src/cli.ts.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_INFRA === 'docker') {
    const { startContainers } = await import('./containers.js');
    Object.assign(process.env, await startContainers());
    return;
  }
  const root = join(__dirname, '..', '..', '..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'infra', 'src', 'cli.ts'), 'up'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`the test infrastructure did not come up:\n${result.stdout}${result.stderr}`);
  }
}
