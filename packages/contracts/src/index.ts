// Event wire formats (envelope, one file per event version, the catalogue).
export { defineEvent, deadLetterTopic, type EventDefinition, type JsonSchema, type PayloadOf } from './event-definition';
export { envelopeSchema, type EventEnvelope } from './envelope';
export * from './events';
// HTTP types generated from each service's openapi.yaml (`npm run gen`).
export * from './generated';
