import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer, type TestIssuer } from '@hoanhap/auth';
import { createKafka, createPublisher, deleteTopicsByPrefix, type Publisher } from '@hoanhap/events';
import { testNamespace, waitFor } from '@hoanhap/testing';

export interface LogLine {
  msg?: string;
  pid?: number;
  port?: number;
  instanceId?: string;
  frontThread?: boolean;
  req?: { path: string };
  res?: { statusCode: number };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SpawnedMatching {
  child: ChildProcess;
  snapshotDir: string;
  issuer: TestIssuer;
  publisher: Publisher;
  /** Every JSON line the process (and its replicas) printed so far. */
  lines(): LogLine[];
  listening(): LogLine[];
  /** GET on a connection of its own (no keep-alive: a MATCHING_WORKERS primary hands each to the next replica). */
  get(path: string, authorization?: string | null): Promise<Answer>;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  /** Kills what is left, deletes the topics and the snapshots. */
  cleanUp(): Promise<void>;
}

/** The real start.ts in a process of its own, on real Kafka (a namespace of its own) and a test issuer's keys. */
export async function spawnMatching(env: Record<string, string>, expectListening = 1): Promise<SpawnedMatching> {
  const ns = testNamespace();
  const snapshotDir = mkdtempSync(join(tmpdir(), 'matching-spawned-'));
  const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: 'matching-spawned-test' });
  const issuer = await createTestIssuer();
  const jwks = await issuer.serveJwks();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'src', 'start.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      MATCHING_SNAPSHOT_DIR: snapshotDir,
      MATCHING_SNAPSHOT_INTERVAL_SECONDS: '0',
      KAFKA_BROKERS: ns.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      KAFKA_PARTITIONS: '1',
      IDENTITY_JWKS_URL: jwks.url,
      JWT_ISSUER: issuer.issuer,
      JWT_AUDIENCE: issuer.audience,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  const listening = () => lines().filter((l) => l.msg === 'matching listening');
  await waitFor(`${expectListening} matching process(es) listening`, () => listening().length >= expectListening, 60_000);
  const get = (path: string, authorization: string | null = `Bearer ${issuer.sign({ sub: 'admin-1', role: 'admin' })}`) =>
    new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = { connection: 'close', ...(authorization ? { authorization } : {}) };
      const req = httpRequest({ host: '127.0.0.1', port: listening()[0]!.port, path, agent: false, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.setTimeout(10_000, () => req.destroy(new Error(`no answer to GET ${path} in 10 s`)));
      req.once('error', reject).end();
    });
  const publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
  return {
    child,
    snapshotDir,
    issuer,
    publisher,
    lines,
    listening,
    get,
    exited,
    async cleanUp() {
      if (process.env.DEBUG_SPAWNED)
        console.log(
          output
            .split('\n')
            .filter((l) => !l.includes('request completed'))
            .join('\n')
            .slice(-6000),
        );
      if (child.exitCode === null) child.kill('SIGKILL');
      await publisher.disconnect();
      await jwks.close();
      await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      rmSync(snapshotDir, { recursive: true, force: true });
    },
  };
}
