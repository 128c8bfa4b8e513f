import pino, { type Logger } from 'pino';
import { logLevel, type logCreator } from 'kafkajs';

/** A pino logger (the kit's `createLogger()` returns one). */
export type EventsLogger = Logger;

/** The logger used when none is passed: pino at LOG_LEVEL (default `info`). */
export function defaultLogger(): EventsLogger {
  return pino({ name: 'events', level: process.env.LOG_LEVEL ?? 'info' });
}

/** Routes kafkajs' own log lines into pino so that one service has one log stream. */
export function kafkaLogCreator(logger: EventsLogger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...fields } = log;
      const child = { ...fields, kafka: log.logger };
      // producer retries are bounded on purpose (a relay round must end so it can back off);
      // the duplicates that can cause are removed by the consumers' dedupe
      if (message.startsWith('Limiting retries for the idempotent producer')) logger.debug(child, message);
      else if (level <= logLevel.ERROR) logger.error(child, message);
      else if (level === logLevel.WARN) logger.warn(child, message);
      else if (level === logLevel.INFO) logger.debug(child, message);
      else logger.trace(child, message);
    };
}
