import type { EventEnvelope } from '@hoanhap/contracts';
import type { Actor } from '../../domain/returnee.types';

/** The service itself, acting on an event: its changes carry the event's correlation and causation. */
export const systemActor = (envelope: EventEnvelope): Actor => ({
  id: `system:${envelope.producer}-event`,
  role: 'system',
  correlationId: envelope.correlationId,
  causationId: envelope.eventId,
});
