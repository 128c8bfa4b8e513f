/**
 * A JSON Schema (draft 2020-12 subset that ajv understands), kept as plain
 * data so that contracts stays free of any validator.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * One event type at one version: its wire names and its payload schema.
 * `P` is the payload's TypeScript type; it exists only at compile time.
 */
export interface EventDefinition<P = unknown> {
  /** `<service>.<entity>.<past-tense-event>`, the envelope's `type`. */
  readonly type: string;
  /** The envelope's `version`; a breaking change is a new version and a new topic. */
  readonly version: number;
  /** `<type>.v<version>`, e.g. `employers.job.posted.v1`. */
  readonly topic: string;
  /** The service that owns and publishes this event. */
  readonly producer: string;
  readonly payloadSchema: JsonSchema;
  /** Phantom member that carries `P`; never present at run time. */
  readonly __payload?: P;
}

/** The payload type of an event definition. */
export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

const NAME = /^[a-z][a-z0-9-]*$/;

/** Builds a definition and its topic name from the naming rule `<service>.<entity>.<event>.v<N>`. */
export function defineEvent<P>(spec: {
  service: string;
  entity: string;
  event: string;
  version: number;
  payloadSchema: JsonSchema;
}): EventDefinition<P> {
  const { service, entity, event, version, payloadSchema } = spec;
  // a bad name would become a topic nobody else can find: fail at import time
  for (const part of [service, entity, event]) {
    if (!NAME.test(part)) throw new Error(`event name part '${part}' must be lower-case kebab-case`);
  }
  if (!Number.isInteger(version) || version < 1) throw new Error(`event version must be a positive integer, got ${version}`);
  const type = `${service}.${entity}.${event}`;
  return Object.freeze({ type, version, topic: `${type}.v${version}`, producer: service, payloadSchema });
}

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
