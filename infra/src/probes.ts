import { createConnection as tcpConnect } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import type { Endpoints, ServerName } from './config';

/** True when something accepts TCP connections on host:port. */
export function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const READY_TOPIC = 'hoanhap.infra.ready';

/** Kafka answers metadata and accepts a topic creation (so the controller works too). */
async function kafkaAnswers(url: string): Promise<void> {
  const admin = new Kafka({ brokers: url.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(READY_TOPIC)) {
      await admin.createTopics({ topics: [{ topic: READY_TOPIC, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    }
    await admin.fetchTopicMetadata({ topics: [READY_TOPIC] });
  } finally {
    await admin.disconnect();
  }
}

/** The MongoDB wire protocol answers `hello`. */
async function mongoAnswers(url: string): Promise<void> {
  const conn = mongoose.createConnection(url, { serverSelectionTimeoutMS: 1500 });
  try {
    await conn.asPromise();
    const reply = await conn.db!.admin().command({ hello: 1 });
    if (!reply.ok) throw new Error('hello did not answer ok');
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** Redis answers PING. */
async function redisAnswers(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
  } finally {
    await client.quit().catch(() => undefined);
  }
}

const probes: Record<ServerName, (url: string) => Promise<void>> = {
  kafka: kafkaAnswers,
  mongo: mongoAnswers,
  redis: redisAnswers,
};

/** One real round trip to the server; rejects with the reason when it does not answer. */
export function answers(name: ServerName, ep: Endpoints): Promise<void> {
  return probes[name](ep[name].url);
}

/** Polls until the server really answers or the deadline passes. */
export async function waitUntilAnswers(name: ServerName, ep: Endpoints, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${name} exited during start`);
    if (await portOpen(ep[name].host, ep[name].port)) {
      try {
        await answers(name, ep);
        return;
      } catch (error) {
        last = error;
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not answer within ${timeoutMs / 1000}s: ${(last as Error | undefined)?.message ?? 'port closed'}`);
}
