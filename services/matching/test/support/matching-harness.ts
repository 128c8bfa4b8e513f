import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestIssuer, type TestIssuer } from '@hoanhap/auth';
import type { EventDefinition } from '@hoanhap/contracts';
import { createKafka, createPublisher, deleteGroupsByPrefix, deleteTopicsByPrefix, type Publisher } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';
import { testNamespace, waitFor, type TestNamespace } from '@hoanhap/testing';
import { DEFAULT_WEIGHTS } from '../../src/domain/scoring/weights';
import { startMatchingRuntime, type MatchingRuntime } from '../../src/matching-runtime';

export interface Harness {
  ns: TestNamespace;
  issuer: TestIssuer;
  runtime: MatchingRuntime;
  snapshotDir: string;
  /** The service's clock; tests move it to a restriction's first day, last day, the day after. */
  clock: { now: Date };
  publish<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<void>;
  /** GET as a caller with a real signed token. */
  get(path: string, claims: { role: string; sub?: string; orgId?: string; provinceCode?: string }): request.Test;
  /** Waits until the model has applied at least `events` events in total. */
  settled(events: number): Promise<void>;
  /** Starts another instance on the same snapshot folder and topics (a restart). */
  restart(options?: { snapshot?: boolean }): Promise<MatchingRuntime>;
  close(): Promise<void>;
}


const logger = createLogger({ name: 'matching-test', level: process.env.LOG_LEVEL ?? 'error' });

export async function startHarness(options: { now?: string } = {}): Promise<Harness> {
  const ns = testNamespace();
  const issuer = await createTestIssuer();
  const snapshotDir = await mkdtemp(join(tmpdir(), 'matching-'));
  const clock = { now: new Date(options.now ?? '2026-11-23T03:00:00Z') };
  const boot = () =>
    startMatchingRuntime({
      kafkaBrokers: ns.kafkaBrokers,
      topicPrefix: ns.topicPrefix,
      kafkaPartitions: 1,
      kafkaReplication: 1,
      instanceId: 'test',
      snapshotDir,
      snapshotIntervalSec: 0,
      weights: DEFAULT_WEIGHTS,
      reach: 'neighbours',
      utcOffsetMinutes: 420,
      maxLimit: 200,
      allowScan: true,
      keys: issuer.keySource(),
      issuer: issuer.issuer,
      audience: issuer.audience,
      logger,
      now: () => clock.now,
    });
  const kafka = createKafka({ brokers: ns.kafkaBrokers, clientId: 'matching-test-publisher', logger });
  const publisher: Publisher = createPublisher({ kafka, topicPrefix: ns.topicPrefix });
  const h: Harness = {
    ns,
    issuer,
    runtime: await boot(),
    snapshotDir,
    clock,
    async publish(definition, payload, key) {
      await publisher.publish(definition, payload, key, { correlationId: 'matching-test' });
    },
    get(path, claims) {
      const token = issuer.sign({ sub: claims.sub ?? 'user-1', role: claims.role as never, orgId: claims.orgId, provinceCode: claims.provinceCode });
      return request(h.runtime.app).get(path).set('Authorization', `Bearer ${token}`);
    },
    async settled(events) {
      // the first wait after a boot includes joining the consumer group, which took over 20 s once in a loaded CI run
      await waitFor(`${events} events applied`, () => h.runtime.model.eventsApplied >= events, 60_000, 20);
    },
    async restart(restartOptions = {}) {
      await h.runtime.close(restartOptions);
      h.runtime = await boot();
      return h.runtime;
    },
    async close() {
      await h.runtime.close({ snapshot: false });
      await publisher.disconnect();
      await deleteTopicsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      await deleteGroupsByPrefix(kafka, ns.topicPrefix).catch(() => undefined);
      await rm(snapshotDir, { recursive: true, force: true });
    },
  };
  return h;
}
