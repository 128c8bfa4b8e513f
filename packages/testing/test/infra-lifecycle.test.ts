import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { createClient } from 'redis';

/**
 * The infra CLI's promises (issue 2): up twice is a no-op, down then up keeps
 * data, reset wipes it. Runs a second, private set of servers on other ports
 * and another data folder, so the servers the other tests use are untouched.
 */
const root = join(__dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'hoanhap-lifecycle-'));
const offset = 20_000;
// no server URLs from the environment: this CLI must start and own all three
const { KAFKA_BROKERS: _k, MONGO_URL: _m, REDIS_URL: _r, ...inherited } = process.env;
const env = { ...inherited, HOANHAP_DATA: dataDir, INFRA_PORT_OFFSET: String(offset) };
const urls = { kafka: `127.0.0.1:${9092 + offset}`, mongo: `mongodb://127.0.0.1:${27017 + offset}/lifecycle`, redis: `redis://127.0.0.1:${6379 + offset}` };

function infra(command: string): string {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'infra/src/cli.ts'), command], { env, encoding: 'utf8' });
  if (result.status !== 0 && command !== 'status') throw new Error(`infra ${command} failed: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

async function writeMarkers(): Promise<void> {
  const conn = await mongoose.createConnection(urls.mongo).asPromise();
  await conn.collection('markers').insertOne({ _id: 'kept' as never, at: new Date() });
  await conn.close();
  const redis = createClient({ url: urls.redis });
  await redis.connect();
  await redis.set('marker', 'kept');
  await redis.quit();
  const admin = new Kafka({ brokers: [urls.kafka], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  // the controller's answer means the topic is in the metadata log; its leader does not matter here
  await admin.createTopics({ topics: [{ topic: 'lifecycle.marker', numPartitions: 1, replicationFactor: 1 }], waitForLeaders: false });
  await admin.disconnect();
}

async function readMarkers(): Promise<{ mongo: boolean; redis: boolean; kafka: boolean }> {
  const conn = await mongoose.createConnection(urls.mongo).asPromise();
  const mongo = (await conn.collection('markers').countDocuments({ _id: 'kept' as never })) === 1;
  await conn.close();
  const client = createClient({ url: urls.redis });
  await client.connect();
  const redis = (await client.get('marker')) === 'kept';
  await client.quit();
  const admin = new Kafka({ brokers: [urls.kafka], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const kafka = (await admin.listTopics()).includes('lifecycle.marker');
  await admin.disconnect();
  return { mongo, redis, kafka };
}

afterAll(() => {
  infra('down');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('infra CLI lifecycle', () => {
  it('when up runs twice, then the second is a no-op; down then up keeps data; reset wipes it', async () => {
    const first = infra('up');
    expect(first).toMatch(/Kafka: up at/);
    expect(first).toMatch(/FerretDB: up at/);
    expect(first).toMatch(/Redis: up at/);

    const second = infra('up');
    expect(second.match(/already up/g)).toHaveLength(3);

    await writeMarkers();
    infra('down');
    expect(infra('status')).toMatch(/Kafka\s+down/);
    infra('up');
    expect(await readMarkers()).toEqual({ mongo: true, redis: true, kafka: true });

    infra('reset');
    expect(existsSync(join(dataDir, 'kafka'))).toBe(false);
    infra('up');
    expect(await readMarkers()).toEqual({ mongo: false, redis: false, kafka: false });
  }, 240_000);
});
