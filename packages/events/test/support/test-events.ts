import { defineEvent } from '@hoanhap/contracts';

/** A test-only event: the n-th change of a counter aggregate. */
export interface CounterIncremented {
  counterId: string;
  n: number;
}

export const counterIncremented = defineEvent<CounterIncremented>({
  service: 'testing',
  entity: 'counter',
  event: 'incremented',
  version: 1,
  payloadSchema: {
    type: 'object',
    required: ['counterId', 'n'],
    properties: { counterId: { type: 'string', minLength: 1 }, n: { type: 'integer', minimum: 0 } },
  },
});

/** The state the tests keep per counter: the n of every change, in commit order. */
export interface CounterState {
  changes: number[];
}
