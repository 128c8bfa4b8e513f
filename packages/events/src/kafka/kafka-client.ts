import { Kafka, logLevel } from 'kafkajs';
import { defaultLogger, kafkaLogCreator, type EventsLogger } from '../logger';

/** The Kafka client; services pass it around without importing kafkajs. */
export type KafkaClient = Kafka;

export interface KafkaClientOptions {
  brokers: string[];
  /** Shown in broker logs and metrics: the service name. */
  clientId: string;
  logger?: EventsLogger;
  /** kafkajs chatter below WARN is dropped by default (reconnects, rebalances are routine). */
  verbose?: boolean;
  /** Retries of each request before it fails (default 8, about 25 s with backoff). */
  retries?: number;
}

/** Creates the one Kafka client of a process. */
export function createKafka(options: KafkaClientOptions): KafkaClient {
  const logger = options.logger ?? defaultLogger();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: options.verbose ? logLevel.INFO : logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
    retry: { initialRetryTime: 100, retries: options.retries ?? 8 },
  });
}
