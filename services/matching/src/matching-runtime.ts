import { join } from 'node:path';
import type { RequestListener } from 'node:http';
import type { KeySource } from '@hoanhap/auth';
import { createKafka, type KafkaClient } from '@hoanhap/events';
import type { Logger } from '@hoanhap/kit';
import { createMatchingApp } from './app';
import type { MatchingContext } from './domain/matching.context';
import { MatchingModel } from './domain/model/matching-model';
import type { Reach } from './domain/model/vocabulary';
import type { Weights } from './domain/scoring/weights';
import { startMatchingConsumer } from './events/matching-consumer';
import { restoreModel } from './store/model-snapshot';
import { decodeSnapshot } from './store/snapshot-codec';
import { snapshotFiles } from './store/snapshot-file.repository';
import { createSnapshotter, type Snapshotter } from './store/snapshotter';

export interface MatchingRuntimeOptions {
  kafkaBrokers: string[];
  topicPrefix: string;
  kafkaPartitions: number;
  kafkaReplication: number;
  instanceId: string;
  snapshotDir: string;
  /** 0: no periodic snapshots (a test takes them by hand). */
  snapshotIntervalSec: number;
  weights: Weights;
  reach: Reach;
  utcOffsetMinutes: number;
  maxLimit: number;
  allowScan: boolean;
  keys: KeySource;
  issuer: string;
  audience: string;
  logger: Logger;
  now?: () => Date;
}

export interface MatchingRuntime {
  app: RequestListener;
  ctx: MatchingContext;
  model: MatchingModel;
  kafka: KafkaClient;
  snapshotter: Snapshotter;
  /** What the model was restored from: null when it was rebuilt from the beginning of the topics. */
  restored: { takenAt: string; offsets: Record<string, string> } | null;
  groupId: string;
  /** Stops consuming, writes a last snapshot (unless `snapshot: false`: a simulated crash), stops timers. */
  close(options?: { snapshot?: boolean }): Promise<void>;
}

/** Loads the latest usable snapshot, or starts empty (then everything is replayed from the topics). */
async function loadModel(o: MatchingRuntimeOptions, files: ReturnType<typeof snapshotFiles>): Promise<{ model: MatchingModel; restored: MatchingRuntime['restored'] }> {
  const file = await files.read().catch(() => undefined);
  if (file) {
    try {
      const decoded = decodeSnapshot(file);
      const result = restoreModel(decoded, o.weights, o.reach);
      if ('model' in result) {
        const meta = decoded.meta as { takenAt: string; offsets: Record<string, string> };
        o.logger.info({ takenAt: meta.takenAt, returnees: result.model.returnees.size, jobs: result.model.jobs.size }, 'matching model restored from snapshot');
        return { model: result.model, restored: { takenAt: meta.takenAt, offsets: meta.offsets } };
      }
      o.logger.warn({ reason: result.refused }, 'snapshot not usable; rebuilding from the topics');
    } catch (error) {
      o.logger.warn({ err: error }, 'snapshot unreadable; rebuilding from the topics');
    }
  }
  return { model: new MatchingModel(o.weights, o.reach), restored: null };
}

/**
 * Boots matching: model (snapshot or empty) → app → consumer from the snapshot's offsets → periodic
 * snapshots → a sweep that takes jobs past their closing time out of the indexes.
 */
export async function startMatchingRuntime(o: MatchingRuntimeOptions): Promise<MatchingRuntime> {
  const files = snapshotFiles(join(o.snapshotDir, o.instanceId));
  const { model, restored } = await loadModel(o, files);
  const now = o.now ?? (() => new Date());
  const snapshotter = createSnapshotter(() => model, files, o.logger, now);
  const ctx: MatchingContext = {
    model,
    instanceId: o.instanceId,
    now,
    utcOffsetMinutes: o.utcOffsetMinutes,
    allowScan: o.allowScan,
    maxLimit: o.maxLimit,
    restoredFrom: restored?.takenAt ?? null,
    snapshotInfo: () => {
      const last = snapshotter.last();
      return last && { takenAt: last.takenAt, events: last.events };
    },
  };
  const kafka = createKafka({ brokers: o.kafkaBrokers, clientId: `matching-${o.instanceId}`, logger: o.logger });
  let consuming = false;
  const app = createMatchingApp({
    ctx,
    keys: o.keys,
    issuer: o.issuer,
    audience: o.audience,
    logger: o.logger,
    readiness: {
      kafka: async () => {
        if (!consuming) throw new Error('not consuming yet');
      },
    },
  });
  const consumer = await startMatchingConsumer({ kafka, model, instanceId: o.instanceId, topicPrefix: o.topicPrefix, numPartitions: o.kafkaPartitions, replicationFactor: o.kafkaReplication, logger: o.logger });
  consuming = true;
  if (o.snapshotIntervalSec > 0) snapshotter.start(o.snapshotIntervalSec * 1000);
  const sweep = setInterval(() => model.jobs.expireDue(now().getTime()), 60_000);
  sweep.unref();
  return {
    app,
    ctx,
    model,
    kafka,
    snapshotter,
    restored,
    groupId: consumer.groupId,
    async close(options = {}) {
      clearInterval(sweep);
      snapshotter.stop();
      await consumer.stop();
      if (options.snapshot !== false) await snapshotter.take();
    },
  };
}
