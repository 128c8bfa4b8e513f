import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

/** One message as it lies on the wire: topic (without the namespace prefix), key, headers and value as text. */
export interface WireMessage {
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** The value re-serialised from its JSON (so `\u00e9`-style escapes cannot hide a match); the raw text otherwise. */
  value: string;
}

export interface TopicTap {
  messages: WireMessage[];
  of(topic: string): WireMessage[];
  stop(): Promise<void>;
}

function normalised(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}

/**
 * A plain kafkajs consumer (no validation, no dedupe: what any reader of the broker would get) of the given
 * topics under `prefix`, from the beginning, plus every dead-letter topic that exists when it starts.
 */
export async function startTopicTap(brokers: string[], prefix: string, topics: readonly string[]): Promise<TopicTap> {
  const kafka = new Kafka({ clientId: `privacy-tap-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = await admin.listTopics();
  await admin.disconnect();
  const wanted = new Set(topics.map((t) => `${prefix}${t}`));
  for (const t of existing) if (t.startsWith(prefix) && t.endsWith('.dlq')) wanted.add(t);

  const messages: WireMessage[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: `${prefix}privacy-tap-${randomUUID().slice(0, 8)}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [...wanted], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = Array.isArray(v) ? v.map(String).join(',') : String(v ?? '');
      messages.push({
        topic: topic.slice(prefix.length),
        key: message.key?.toString('utf8') ?? '',
        headers,
        value: normalised(message.value?.toString('utf8') ?? ''),
      });
    },
  });
  return {
    messages,
    of: (topic) => messages.filter((m) => m.topic === topic),
    stop: () => consumer.disconnect(),
  };
}
