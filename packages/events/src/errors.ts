/**
 * Errors raised by this package. Codes are strings so that they survive a
 * process boundary (logs, dead-letter headers) and map onto the kit's
 * problem+json handler, which reads `code` (ARCHITECTURE: one AppError shape).
 */
export class EventsError extends Error {
  override readonly name = 'EventsError';

  constructor(
    readonly code: EventsErrorCode,
    message: string,
    readonly details?: unknown,
    readonly retryable = false,
  ) {
    super(message);
  }
}

export type EventsErrorCode =
  | 'EVENTS.INVALID_ENVELOPE'
  | 'EVENTS.INVALID_PAYLOAD'
  | 'EVENTS.UNKNOWN_EVENT'
  | 'EVENTS.MALFORMED_MESSAGE'
  | 'EVENTS.AGGREGATE_BUSY'
  | 'EVENTS.AGGREGATE_EXISTS'
  | 'EVENTS.LOCK_EXPIRED'
  | 'EVENTS.CORRELATION_REQUIRED'
  | 'EVENTS.RESERVED_FIELD';
