import type { Logger } from '@hoanhap/kit';
import type { MatchingModel } from '../domain/model/matching-model';
import { captureModel } from './model-snapshot';
import { encodeSnapshot } from './snapshot-codec';
import type { SnapshotFiles } from './snapshot-file.repository';

export interface SnapshotInfo {
  takenAt: string;
  events: number;
  bytes: number;
  offsets: Record<string, string>;
}

export interface Snapshotter {
  /** Captures now and writes; resolves when the file is in place (one at a time). */
  take(): Promise<SnapshotInfo | undefined>;
  /** Every `intervalMs`, when events arrived since the last one. */
  start(intervalMs: number): void;
  stop(): void;
  last(): SnapshotInfo | null;
}

/** Periodic snapshots of the in-memory model, each with the Kafka offsets it includes. */
export function createSnapshotter(getModel: () => MatchingModel, files: SnapshotFiles, logger: Logger, now: () => Date = () => new Date()): Snapshotter {
  let last: SnapshotInfo | null = null;
  let running: Promise<SnapshotInfo | undefined> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let eventsAtLast = -1;

  async function write(): Promise<SnapshotInfo | undefined> {
    const model = getModel();
    const started = Date.now();
    const captured = captureModel(model, now());
    const captureMs = Date.now() - started;
    const bytes = await files.write(await encodeSnapshot(captured.meta, captured.parts));
    eventsAtLast = model.eventsApplied;
    last = { takenAt: captured.meta.takenAt, events: captured.meta.eventsApplied, bytes, offsets: captured.meta.offsets };
    logger.info({ bytes, captureMs, totalMs: Date.now() - started, returnees: captured.meta.returnees, jobs: captured.meta.jobs }, 'matching snapshot written');
    return last;
  }

  const take = () => (running ??= write().finally(() => (running = undefined)));
  return {
    take,
    start(intervalMs) {
      timer = setInterval(() => {
        if (getModel().eventsApplied === eventsAtLast || running) return;
        take().catch((error: unknown) => logger.error({ err: error }, 'matching snapshot failed; the previous one stays'));
      }, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    last: () => last,
  };
}
