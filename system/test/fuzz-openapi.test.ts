/**
 * Schema-driven fuzzing of every operation the gateway publishes at
 * /openapi.json, against the whole stack: generated requests (valid-ish and
 * hostile) with the roles x-roles allows, a wrong role and no token. Replays:
 * FUZZ_SEED=<seed> (default fixed), FUZZ_RUNS=<per operation>, FUZZ_OP=<operationId>,
 * FUZZ_SHRINK=1 to shrink a failure to its smallest request.
 */
import { startSystem, type System } from '../src';
import { fuzzOperation, injectEveryField, type FuzzContext } from './fuzz/fuzz-runner';
import { DEMO_ROLES, type FuzzOperation, IdPool, listOperations, responseChecker } from './fuzz/operation-requests';

jest.setTimeout(1_200_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const GROUPS = ['gateway', 'identity', 'cases', 'employers', 'matching', 'colleges', 'loans', 'reports'];

const groupOf = (template: string) =>
  template.startsWith('/auth') ? 'identity' : (/^\/api\/([^/]+)/.exec(template)?.[1] ?? 'gateway').replace('reference', 'gateway');
// creations first so later operations find ids in the pool; deletions last
const order = (op: FuzzOperation) =>
  op.method === 'POST' && !op.template.includes('{') ? 0 : op.method === 'GET' ? 1 : op.method === 'DELETE' ? 3 : 2;
const seedOf = (operationId: string) => [...operationId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED) >>> 0;

let system: System;
let ctx: FuzzContext;
let operations: FuzzOperation[];
const fuzzed = new Set<string>();

beforeAll(async () => {
  // a shared machine's FerretDB can take seconds per write: the upstream deadline is not what the fuzzer judges
  system = await startSystem({ label: 'fuzz', env: { UPSTREAM_TIMEOUT_MS: '60000' } });
  const tokens: Record<string, string> = {};
  const demoIds = new Set<string>();
  for (const role of DEMO_ROLES) {
    const client = await system.login(`${role}@demo.vn`);
    tokens[role] = client.token;
    const me = await client.get('/auth/me');
    for (const value of Object.values(me.body ?? {})) if (typeof value === 'string') demoIds.add(value);
  }
  const document = (await (await fetch(`${system.gatewayUrl}/openapi.json`)).json()) as Record<string, unknown>;
  operations = listOperations(document).sort((a, b) => order(a) - order(b));
  // a demo user disabled by a generated request would lock the rest of the run out
  const pool = new IdPool();
  const harvest = pool.harvest.bind(pool);
  pool.harvest = (value) => {
    harvest(value);
    for (let i = pool.ids.length - 1; i >= 0; i--) if (demoIds.has(pool.ids[i]!)) pool.ids.splice(i, 1);
  };
  ctx = { gatewayUrl: system.gatewayUrl, document, tokens, pool, checkResponse: responseChecker(document) };
  console.log(`fuzzing ${operations.length} operations, ${RUNS} runs each, FUZZ_SEED=${SEED}`);
});

afterAll(async () => {
  await system?.close();
});

describe('every operation of the merged OpenAPI, fuzzed through the gateway', () => {
  it.each(GROUPS)(
    'when %s operations get generated and hostile requests, then none answers 5xx, every error is problem+json and no operator gets through',
    async (group) => {
      const failures: string[] = [];
      for (const op of operations.filter((o) => groupOf(o.template) === group)) {
        if (process.env.FUZZ_OP && process.env.FUZZ_OP !== op.operationId) continue;
        const failure = await fuzzOperation(ctx, op, seedOf(op.operationId), RUNS);
        if (failure) failures.push(failure);
        const role = op.roles === 'public' ? undefined : DEMO_ROLES.find((r) => op.roles.includes(r));
        if (op.roles === 'public' || role) failures.push(...(await injectEveryField(ctx, op, seedOf(op.operationId), role)));
        fuzzed.add(op.operationId);
      }
      if (failures.length) console.error(`${failures.length} failing requests (FUZZ_SEED=${SEED}):\n${failures.join('\n\n')}`);
      expect(failures).toEqual([]);
    },
  );

  it('when the groups are done, then every operation in the served document was fuzzed', () => {
    if (process.env.FUZZ_OP) return;
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((op) => !fuzzed.has(op.operationId)).map((op) => op.operationId)).toEqual([]);
  });
});
