/**
 * Boot: config → keys → Mongo and Redis → listen → demo seed. Any boot
 * failure prints one line saying what is wrong and exits 1 (the supervisor
 * restarts it; a human reads the line). SIGTERM/SIGINT drain and close.
 */
import { connectStores, createLogger, gracefulShutdown, listenOn, portOf, runService, watchStore } from '@hoanhap/kit';
import { createIdentityApp } from './app';
import { loadIdentityConfig } from './config';
import { seedDemo } from './domain/seed-demo.use-case';
import { KeyConfigError, loadKeyRing } from './keys/load-keys';

async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity' });
  const keys = loadKeyRing(config);
  const { connection, redis, close } = await connectStores(config, logger);

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
  const server = await listenOn(identity.app, config.port);
  logger.info({ port: portOf(server), kid: keys.signing.kid }, 'identity listening');
  const shutdown = gracefulShutdown(server, { logger });
  watchStore(shutdown, connection, logger);
  shutdown.onShutdown('redis and mongo', close);

  if (config.seedDemo) {
    const { created, logins } = await seedDemo(identity.ctx);
    logger.info({ created }, `demo logins (password demo1234): ${logins.join(', ')}`);
  }
}

void runService('identity', main, { known: [KeyConfigError] });
