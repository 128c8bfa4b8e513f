import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer, type TestIssuer } from '@hoanhap/auth';
import { jobPostedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { createKafka, createPublisher, deleteTopicsByPrefix, type Publisher } from '@hoanhap/events';
import { testNamespace, waitFor } from '@hoanhap/testing';
import { job, profile } from './support/fixtures';

// MATCHING_WORKERS=2: the real start.ts as a primary and two replicas sharing one port, on real Kafka
const ns = testNamespace();
const snapshotDir = mkdtempSync(join(tmpdir(), 'matching-replicas-'));
const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: 'matching-replicas-test' });
const person = profile({ skills: ['welding'] });
const posted = job({ title: 'Thợ hàn — hai bản sao' });
let issuer: TestIssuer;
let jwks: { url: string; close(): Promise<void> };
let publisher: Publisher;
let primary: ChildProcess;
let output = '';
let exited: Promise<number | null>;

interface Line {
  msg?: string;
  pid?: number;
  port?: number;
  instanceId?: string;
  req?: { path: string };
  res?: { statusCode: number };
}
const lines = (): Line[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
const listening = () => lines().filter((l) => l.msg === 'matching listening');
const port = () => listening()[0]!.port!;

/** GET on a connection of its own (no keep-alive), so that the primary hands each request to the next replica. */
function get(path: string): Promise<{ status: number; body: string }> {
  const token = issuer.sign({ sub: 'admin-1', role: 'admin' });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: port(), path, agent: false, headers: { authorization: `Bearer ${token}`, connection: 'close' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to GET ${path} in 10 s`)));
    req.once('error', reject).end();
  });
}
const matchesFor = (returneeId: string) => get(`/returnees/${returneeId}/jobs`);
const servedMatches = (returneeId: string) =>
  lines().filter((l) => l.req?.path === `/returnees/${returneeId}/jobs` && l.res?.statusCode === 200);
const showsTheJob = (answer: { status: number; body: string }) => answer.status === 200 && answer.body.includes(posted.jobId);

beforeAll(async () => {
  issuer = await createTestIssuer();
  jwks = await issuer.serveJwks();
  primary = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'start.ts')], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      MATCHING_WORKERS: '2',
      MATCHING_INSTANCE_ID: 'replicas',
      MATCHING_SNAPSHOT_DIR: snapshotDir,
      MATCHING_SNAPSHOT_INTERVAL_SECONDS: '0',
      KAFKA_BROKERS: ns.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      KAFKA_PARTITIONS: '1',
      IDENTITY_JWKS_URL: jwks.url,
      JWT_ISSUER: issuer.issuer,
      JWT_AUDIENCE: issuer.audience,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout!.on('data', (chunk) => (output += chunk));
  primary.stderr!.on('data', (chunk) => (output += chunk));
  exited = new Promise((resolve) => primary.on('exit', (code) => resolve(code)));
  await waitFor('both replicas listening', () => listening().length >= 2, 60_000);
  publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
  await publisher.publish(profilePublishedV1, person, person.returneeId, { correlationId: 'replicas-test' });
  await publisher.publish(jobPostedV1, posted, posted.jobId, { correlationId: 'replicas-test' });
}, 90_000);

afterAll(async () => {
  if (process.env.DEBUG_REPLICAS)
    console.log(
      output
        .split('\n')
        .filter((l) => !l.includes('request completed'))
        .join('\n')
        .slice(-6000),
    );
  if (primary.exitCode === null) primary.kill('SIGKILL');
  await publisher?.disconnect();
  await jwks?.close();
  await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
  rmSync(snapshotDir, { recursive: true, force: true });
});

describe('matching as replicas on one host (MATCHING_WORKERS)', () => {
  it('when the service runs two replicas, then each builds the whole model from Kafka under its own instance id and answers on the shared port', async () => {
    const up = listening();
    expect(up.map((l) => l.instanceId).sort()).toEqual(['replicas-r0', 'replicas-r1']);
    expect(new Set(up.map((l) => l.pid)).size).toBe(2);
    expect(up[0]!.port).toBe(up[1]!.port);
    // the job reached each replica: every answer, from whichever replica, shows it
    await waitFor(
      'the job in the matches of every replica',
      async () => (await Promise.all([0, 1, 2, 3].map(() => matchesFor(person.returneeId)))).every(showsTheJob),
      60_000,
    );
    const answers = await Promise.all(Array.from({ length: 10 }, () => matchesFor(person.returneeId)));
    expect(answers.filter(showsTheJob)).toHaveLength(10);
    // /status says which replica answers: on connections of their own, both, each with the whole model
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => get('/status')))).map(
      (a) => JSON.parse(a.body) as { instanceId: string; eventsApplied: number },
    );
    expect([...new Set(statuses.map((s) => s.instanceId))].sort()).toEqual(['replicas-r0', 'replicas-r1']);
    for (const s of statuses) expect(s.eventsApplied).toBe(2);
    // and both replicas answered the matches (each logs the requests it serves)
    await waitFor('request log lines', () => servedMatches(person.returneeId).length >= 14, 10_000);
    const servedBy = new Set(servedMatches(person.returneeId).map((l) => l.pid));
    expect([...servedBy].sort()).toEqual(up.map((l) => l.pid).sort());
  });

  it('when a replica is killed, then the other keeps answering and the killed one is started again, rebuilt from Kafka', async () => {
    const [victim, survivor] = listening();
    process.kill(victim!.pid!, 'SIGKILL');
    await waitFor('the primary to see it exit', () => output.includes('matching replica exited; starting it again'), 10_000);
    // while it is down, every request is served by the survivor
    const during = await Promise.all(Array.from({ length: 6 }, () => matchesFor(person.returneeId)));
    expect(during.filter(showsTheJob)).toHaveLength(6);
    const again = await waitFor(
      'the replica listening again',
      () => listening().find((l) => l.instanceId === victim!.instanceId && l.pid !== victim!.pid),
      60_000,
    );
    expect(again.pid).not.toBe(survivor!.pid);
    await waitFor(
      'the job in the matches of every replica',
      async () => (await Promise.all([0, 1, 2, 3].map(() => matchesFor(person.returneeId)))).every(showsTheJob),
      60_000,
    );
  });

  it('when the service gets SIGTERM, then every replica writes its last snapshot and the service exits 0', async () => {
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const replica of ['replicas-r0', 'replicas-r1']) expect(existsSync(join(snapshotDir, replica, 'snapshot.bin'))).toBe(true);
  });
});
