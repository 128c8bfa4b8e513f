import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { type ConnectOptions, type Connection } from 'mongoose';
import { createClient } from 'redis';
import { ConfigError } from '../config/load-config';
import type { Logger } from '../log/logger';

export type RedisClient = ReturnType<typeof createClient>;

export interface Stores {
  connection: Connection;
  redis: RedisClient;
  /** Redis then MongoDB: the last shutdown step. */
  close(): Promise<void>;
}

/**
 * A service's MongoDB database and its Redis, connected (Mongo gives up after 10 s without a server, so a
 * boot without one fails with a line instead of hanging). Redis errors are logged; the client reconnects.
 */
export async function connectStores(
  config: { mongoUrl: string; mongoDb: string; redisUrl: string },
  logger: Logger,
  mongoOptions: ConnectOptions = {},
): Promise<Stores> {
  const connection = await mongoose
    .createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000, ...mongoOptions })
    .asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  try {
    await redis.connect();
  } catch (error) {
    await connection.close();
    throw error;
  }
  return {
    connection,
    redis,
    close: async () => {
      await redis.quit();
      await connection.close();
    },
  };
}

/** An HTTP server for `app`, resolved once it listens on `port` (0: any free port), rejected if it cannot. */
export async function listenOn(app: RequestListener, port: number): Promise<Server> {
  const server = createServer(app).listen(port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return server;
}

export const portOf = (server: Server): number => (server.address() as AddressInfo).port;

export interface RunServiceOptions {
  /** Errors whose message alone says what to fix, like a ConfigError (e.g. a missing key file). */
  known?: readonly (abstract new (...args: never[]) => Error)[];
  /** Where the line goes and how the process ends (tests pass their own). */
  print?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * Runs a service's boot. A failure prints ONE line to stderr — `<service> cannot start: <reason>` (the
 * message alone for a configuration mistake or another `known` error, which say what to fix; the stack
 * otherwise), before any logger exists — and exits 1: the supervisor restarts it, a human reads the line.
 */
export function runService(service: string, main: () => Promise<void>, options: RunServiceOptions = {}): Promise<void> {
  const { known = [], print = (line: string) => console.error(line), exit = (code: number) => process.exit(code) } = options;
  return main().catch((error: unknown) => {
    const explained = error instanceof ConfigError || known.some((kind) => error instanceof kind);
    print(`${service} cannot start: ${explained ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
    exit(1);
  });
}
