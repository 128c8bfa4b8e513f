/**
 * Boot: config → keys → Mongo and Redis → listen → demo seed. Any boot
 * failure prints one line saying what is wrong and exits 1 (the supervisor
 * restarts it; a human reads the line). SIGTERM/SIGINT drain and close.
 */
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { ConfigError, createLogger, gracefulShutdown, watchStore } from '@hoanhap/kit';
import { createIdentityApp } from './app';
import { loadIdentityConfig } from './config';
import { seedDemo } from './domain/seed-demo.use-case';
import { KeyConfigError, loadKeyRing } from './keys/load-keys';

async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity' });
  const keys = loadKeyRing(config);
  const connection = await mongoose.createConnection(config.mongoUrl, { dbName: config.mongoDb, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();

  const identity = createIdentityApp({
    connection,
    redis,
    redisPrefix: config.redisPrefix,
    keys,
    issuer: config.issuer,
    audience: config.audience,
    settings: config,
    logger,
  });
  await identity.prepare();
  const server = identity.app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  logger.info({ port: (server.address() as AddressInfo).port, kid: keys.signing.kid }, 'identity listening');
  const shutdown = gracefulShutdown(server, { logger });
  watchStore(shutdown, connection, logger);
  shutdown.onShutdown('redis', () => redis.quit());
  shutdown.onShutdown('mongo', () => connection.close());

  if (config.seedDemo) {
    const { created, logins } = await seedDemo(identity.ctx);
    logger.info({ created }, `demo logins (password demo1234): ${logins.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KeyConfigError;
  // one clear line, to stderr, before any logger exists
  console.error(`identity cannot start: ${known ? (error as Error).message : (error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
