import { randomUUID } from 'node:crypto';
import { createConsumerRunner, type ConsumerRunnerOptions } from './consumer-runner';

export interface ReplayOptions extends Omit<ConsumerRunnerOptions, 'groupId' | 'fromBeginning' | 'onSettled'> {
  /**
   * The group to replay with; it must be new (default `<groupBase>.replay.<time>`).
   * Keep it afterwards to consume live from where the replay ended.
   */
  groupId?: string;
  groupBase?: string;
  /** Give up after this long (default 10 min). */
  timeoutMs?: number;
  /** Called about once a second with the events so far and the current rate. */
  onProgress?: (progress: { events: number; eventsPerSecond: number }) => void;
}

export interface ReplayResult {
  groupId: string;
  events: number;
  durationMs: number;
  eventsPerSecond: number;
}

/**
 * Rebuilds a read model from the beginning of its topics: a fresh consumer
 * group reads every partition from its first offset up to the end offsets
 * seen at the start, through the same handlers (validation, dedupe, retries,
 * dead letters) as live consumption, then stops and reports events/s.
 * Rebuild into an empty read model: `applyOnce` remembers a bounded window.
 */
export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const prefix = options.topicPrefix ?? '';
  const groupId = options.groupId ?? `${options.groupBase ?? 'replay'}.replay.${Date.now()}.${randomUUID().slice(0, 8)}`;
  const admin = options.kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>(); // topic:partition → last offset to reach
  try {
    for (const { definition } of options.handlers) {
      const topic = `${prefix}${definition.topic}`;
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high) - 1n);
      }
    }
  } finally {
    await admin.disconnect();
  }
  const started = Date.now();
  let events = 0;
  if (remaining.size === 0) return { groupId, events, durationMs: 0, eventsPerSecond: 0 };

  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const runner = createConsumerRunner({
    ...options,
    groupId,
    fromBeginning: true,
    onSettled: ({ topic, partition, offset }) => {
      events += 1;
      const key = `${topic}:${partition}`;
      const last = remaining.get(key);
      if (last !== undefined && BigInt(offset) >= last) remaining.delete(key);
      if (remaining.size === 0) finish();
    },
  });
  const progress = setInterval(
    () => options.onProgress?.({ events, eventsPerSecond: Math.round((events * 1000) / (Date.now() - started)) }),
    1_000,
  );
  const timeoutMs = options.timeoutMs ?? 600_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await runner.start();
    await Promise.race([
      finished,
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`replay of ${groupId} did not finish in ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
  } finally {
    clearInterval(progress);
    clearTimeout(timer);
    await runner.stop();
  }
  const durationMs = Date.now() - started;
  return { groupId, events, durationMs, eventsPerSecond: Math.round((events * 1000) / Math.max(1, durationMs)) };
}
