/**
 * The posting side of the freshness probe: the real employers service and the real gateway, each in its
 * own supervised process (scripts/stack.ts, as `npm start` runs them; logs at info, as in production, in a temp
 * folder), in the benchmark's namespace — its topic
 * prefix, their own database and Redis keys — verifying tokens against the benchmark's JWKS. The
 * employer is set up through the gateway as a real one is (profile, pledge, an administrator's
 * verification), so its jobs go out as a verified employer's.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { request } from 'undici';
import type { employers, JobPostedV1, ProfilePublishedV1 } from '@hoanhap/contracts';
import type { KafkaClient } from '@hoanhap/events';
import { freePortBlock, startStack } from '../scripts/stack';
import { CONSUMED } from '../services/employers/src/events/employers-events';
import type { PostJob } from './matching-load';

/** The gateway's answers when employers did not answer (in time): a slow post, not a wrong one. */
const GATEWAY_GAVE_UP = [502, 503, 504];

export interface PostingStack {
  gatewayUrl: string;
  stop(): Promise<void>;
}

export interface PostingOptions {
  kafka: KafkaClient;
  topicPrefix: string;
  matchingUrl: string;
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/** Starts employers and the gateway in front of it (and of the benchmark's matching), supervised as `npm start` runs them. */
export async function startPosting(options: PostingOptions): Promise<PostingStack> {
  const namespace = options.topicPrefix.replace(/\.$/, '');
  // the gateway's rate-limit keys are not namespaced (gw:rl:ip:127.0.0.1): a Redis database of its own
  // keeps a thousand bench posts out of the counters other gateways on this machine share
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  redis.pathname = '/15';
  // the dataset's 250,000 profiles sit on a topic employers consumes; a running employers service read
  // them long ago, so its group starts at the end instead of loading FerretDB during the measurement
  await skipBacklog(
    options.kafka,
    `${options.topicPrefix}employers`,
    CONSUMED.map((e) => `${options.topicPrefix}${e.topic}`),
  );
  const stack = await startStack({
    gatewayPort: await freePortBlock(),
    namespace,
    // logs at info, as in production, in a folder of the temp directory, so a process that does not come up can be read
    dataDir: mkdtempSync(join(tmpdir(), `bench-matching-${namespace}-`)),
    only: ['employers'],
    // generous: on a busy 2-core machine compiling and booting a service has taken over a minute
    healthTimeoutMs: 5 * 60_000,
    env: {
      IDENTITY_JWKS_URL: options.jwksUrl,
      JWT_ISSUER: options.issuer,
      JWT_AUDIENCE: options.audience,
      MATCHING_URL: options.matchingUrl,
      REDIS_URL: redis.href,
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
      RATE_LIMIT_IP_PER_MINUTE: '100000000',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
    },
  });
  const mongoDb = `${namespace}_employers`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 63);
  return {
    gatewayUrl: stack.gatewayUrl,
    stop: async () => {
      await stack.stop();
      await dropNamespace(mongoDb, `${namespace}:employers:`, redis.href);
    },
  };
}

/** Profile, fair-chance pledge and verification by an administrator, each through the gateway. */
export async function registerEmployer(
  gatewayUrl: string,
  employerToken: string,
  adminToken: string,
  orgId: string,
  provinceCode: string,
): Promise<void> {
  const put = async (path: string, token: string, body: object) => {
    // each PUT may be repeated; a cold employers service on a busy machine can miss the gateway's timeout
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${gatewayUrl}/api/employers${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.ok) return void (await res.arrayBuffer());
      if (!GATEWAY_GAVE_UP.includes(res.status) || attempt === 5) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
    }
  };
  const profile: employers.components['schemas']['OrganisationInput'] = {
    name: 'Công ty Đo Kiểm (benchmark)',
    sector: 'private',
    provinceCode,
  };
  await put('/organisations/me', employerToken, profile);
  await put('/organisations/me/pledge', employerToken, { acceptedByName: 'Người đo kiểm' });
  await put(`/organisations/${orgId}/verification`, adminToken, { decision: 'verified' });
}

/** `POST /api/employers/jobs` with an Idempotency-Key; resolves with the new job's id on the 201. */
export function gatewayPoster(
  gatewayUrl: string,
  employerToken: string,
  makeJob: (profile: ProfilePublishedV1, k: number) => JobPostedV1,
): PostJob {
  return async (profile, k) => {
    const res = await request(`${gatewayUrl}/api/employers/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${employerToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(jobInput(makeJob(profile, k))),
    });
    if (GATEWAY_GAVE_UP.includes(res.statusCode)) return void (await res.body.dump());
    if (res.statusCode !== 201) throw new Error(`POST /api/employers/jobs: ${res.statusCode} ${await res.body.text()}`);
    return ((await res.body.json()) as { id: string }).id;
  };
}

/** What an employer sends for the job; the id, the employer and its verification come from employers. */
function jobInput(job: JobPostedV1): employers.components['schemas']['JobInput'] {
  const {
    title,
    occupationCode,
    skills,
    niceToHaveSkills,
    provinceCode,
    communeCode,
    employmentType,
    openings,
    wageMinVnd,
    wageMaxVnd,
    accommodation,
    closesAt,
  } = job;
  return {
    title,
    occupationCode,
    skills,
    niceToHaveSkills,
    provinceCode,
    communeCode: communeCode!,
    employmentType,
    openings,
    wageMinVnd,
    wageMaxVnd,
    accommodation,
    closesAt,
  };
}

async function skipBacklog(kafka: KafkaClient, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    // explicit end offsets: kafkajs' resetOffsets({ earliest: false }) commits the sentinel -1, which the group then
    // reads as "no offset" and starts from the beginning (the run's employers consumed the dataset's profiles
    // during the probe: ~35 FerretDB writes a second beside the posts)
    for (const topic of topics.filter((t) => existing.has(t))) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Employers' database and Redis keys go with the run, like the topics and consumer groups. */
async function dropNamespace(mongoDb: string, redisPrefix: string, redisUrl: string): Promise<void> {
  const connection = await mongoose.createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: mongoDb }).asPromise();
  await connection.dropDatabase().finally(() => connection.close());
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  try {
    const keys: string[] = [];
    for await (const key of redis.scanIterator({ MATCH: `${redisPrefix}*`, COUNT: 1_000 })) keys.push(key);
    if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.quit();
  }
}
