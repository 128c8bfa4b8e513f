import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { envelopeSchema, type EventDefinition, type EventEnvelope } from '@hoanhap/contracts';
import { EventsError } from '../errors';

// One ajv for the process: compiling is the expensive part, so each schema is compiled once.
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv);
const checkEnvelope = ajv.compile<EventEnvelope>(envelopeSchema);
const payloadCheckers = new WeakMap<EventDefinition<unknown>, ValidateFunction>();

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

function checkerFor(definition: EventDefinition<unknown>): ValidateFunction {
  let check = payloadCheckers.get(definition);
  if (!check) {
    check = ajv.compile(definition.payloadSchema);
    payloadCheckers.set(definition, check);
  }
  return check;
}

/** Checks a value against the envelope schema; throws `EVENTS.INVALID_ENVELOPE`. */
export function validateEnvelope(value: unknown): EventEnvelope {
  if (!checkEnvelope(value)) {
    throw new EventsError('EVENTS.INVALID_ENVELOPE', `invalid event envelope: ${describe(checkEnvelope.errors)}`, checkEnvelope.errors);
  }
  return value;
}

/** Checks a payload against its event's schema; throws `EVENTS.INVALID_PAYLOAD`. */
export function validatePayload<P>(definition: EventDefinition<P>, payload: unknown): P {
  const check = checkerFor(definition);
  if (!check(payload)) {
    throw new EventsError('EVENTS.INVALID_PAYLOAD', `invalid ${definition.topic} payload: ${describe(check.errors)}`, check.errors);
  }
  return payload as P;
}

/** Checks the envelope, that it is this definition's type and version, and its payload. */
export function validateEvent<P>(definition: EventDefinition<P>, value: unknown): EventEnvelope<P> {
  const envelope = validateEnvelope(value);
  if (envelope.type !== definition.type || envelope.version !== definition.version) {
    throw new EventsError(
      'EVENTS.UNKNOWN_EVENT',
      `expected ${definition.type} v${definition.version}, got ${envelope.type} v${envelope.version}`,
    );
  }
  validatePayload(definition, envelope.payload);
  return envelope as EventEnvelope<P>;
}
