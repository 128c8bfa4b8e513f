/**
 * A private set of Kafka, FerretDB and Redis for the fault run, beside the
 * default ones other engineers' tests use: the infra CLI with a port offset and
 * a data directory of its own. Each server's pid is in `<data>/run/<name>.pid`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/stack';

const run = promisify(execFile);

export type InfraServer = 'kafka' | 'mongo' | 'redis';

export interface FaultInfra {
  kafkaBrokers: string;
  mongoUrl: string;
  redisUrl: string;
  /** Starts whatever is not running and waits until every server answers. */
  up(): Promise<void>;
  down(): Promise<void>;
  /** SIGKILLs the server; returns the pid it killed. */
  kill(name: InfraServer): number;
  /** The server's pid as its pid file says (undefined before the first start). */
  pid(name: InfraServer): number | undefined;
}

export function faultInfra(offset: number, dataDir: string): FaultInfra {
  // without the URL variables: a URL in the environment makes the CLI treat the server as someone else's
  const env: NodeJS.ProcessEnv = { ...process.env, INFRA_PORT_OFFSET: String(offset), HOANHAP_DATA: dataDir };
  delete env.KAFKA_BROKERS;
  delete env.MONGO_URL;
  delete env.REDIS_URL;
  const cli = (command: string) =>
    run(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'infra/src/cli.ts'), command], {
      env,
      cwd: repoRoot,
      timeout: 180_000,
    });
  return {
    kafkaBrokers: `127.0.0.1:${9092 + offset}`,
    mongoUrl: `mongodb://127.0.0.1:${27017 + offset}`,
    redisUrl: `redis://127.0.0.1:${6379 + offset}`,
    async up() {
      // a JVM restarting on a busy shared machine can take longer than the CLI's own wait: ask again
      for (let attempt = 1; ; attempt++) {
        try {
          await cli('up');
          return;
        } catch (error) {
          if (attempt >= 4) throw error;
        }
      }
    },
    async down() {
      await cli('down');
    },
    kill(name) {
      const pid = Number(readFileSync(join(dataDir, 'run', `${name}.pid`), 'utf8'));
      process.kill(pid, 'SIGKILL');
      return pid;
    },
    pid(name) {
      try {
        return Number(readFileSync(join(dataDir, 'run', `${name}.pid`), 'utf8'));
      } catch {
        return undefined;
      }
    },
  };
}
