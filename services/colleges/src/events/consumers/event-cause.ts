import type { EventEnvelope } from '@hoanhap/contracts';
import type { Cause } from '../../domain/colleges.context';

/** The events a consumed event causes keep its correlation and name it as their cause. */
export const causeOf = (envelope: EventEnvelope): Cause => ({ correlationId: envelope.correlationId, causationId: envelope.eventId });
