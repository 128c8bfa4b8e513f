import type { JsonSchema } from './event-definition';

/**
 * The one envelope every event travels in (ARCHITECTURE §5). The Kafka key is
 * `key` (the aggregate id), so events of one aggregate stay in order.
 */
export interface EventEnvelope<P = unknown> {
  /** A random UUID; consumers dedupe on it. */
  eventId: string;
  /** `<service>.<entity>.<past-tense-event>`. */
  type: string;
  version: number;
  /** ISO 8601 date-time at which the change happened. */
  occurredAt: string;
  /** The service that published the event. */
  producer: string;
  /** Shared by every event and request of one business flow. */
  correlationId: string;
  /** The eventId (or request id) that directly caused this event. */
  causationId?: string;
  /** The aggregate id; also the Kafka message key. */
  key: string;
  payload: P;
}

/** JSON Schema of {@link EventEnvelope}; the payload is checked separately against its event's schema. */
export const envelopeSchema: JsonSchema = {
  $id: 'urn:hoanhap:event-envelope',
  type: 'object',
  required: ['eventId', 'type', 'version', 'occurredAt', 'producer', 'correlationId', 'key', 'payload'],
  properties: {
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$' },
    version: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    producer: { type: 'string', minLength: 1 },
    correlationId: { type: 'string', minLength: 1, maxLength: 200 },
    causationId: { type: 'string', minLength: 1, maxLength: 200 },
    key: { type: 'string', minLength: 1, maxLength: 200 },
    payload: { type: 'object' },
  },
  // fields added to the envelope later must not break older consumers
  additionalProperties: true,
};
