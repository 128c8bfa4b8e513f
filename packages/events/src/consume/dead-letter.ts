import type { IHeaders, KafkaMessage } from 'kafkajs';
import { deadLetterTopic } from '@hoanhap/contracts';
import type { Publisher } from '../publish/publisher';

/** Headers a dead letter carries beside the original key, value and headers. */
export const DLQ_HEADERS = {
  error: 'x-dlq-error',
  code: 'x-dlq-error-code',
  topic: 'x-dlq-original-topic',
  partition: 'x-dlq-original-partition',
  offset: 'x-dlq-original-offset',
  group: 'x-dlq-consumer-group',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  groupId: string;
  error: unknown;
  /** Handler attempts made (0: the message could not even be read). */
  attempts: number;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/** Sends the original message, untouched, to `<topic>.dlq` with why and where it failed. */
export async function sendDeadLetter(publisher: Publisher, letter: DeadLetter): Promise<void> {
  const { message, error } = letter;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const headers: IHeaders = {
    ...message.headers,
    [DLQ_HEADERS.error]: text.slice(0, 2_000),
    [DLQ_HEADERS.code]: errorCode(error),
    [DLQ_HEADERS.topic]: letter.topic,
    [DLQ_HEADERS.partition]: String(letter.partition),
    [DLQ_HEADERS.offset]: message.offset,
    [DLQ_HEADERS.group]: letter.groupId,
    [DLQ_HEADERS.attempts]: String(letter.attempts),
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
  await publisher.sendRaw(deadLetterTopic(letter.topic), [{ key: message.key, value: message.value, headers }]);
}
