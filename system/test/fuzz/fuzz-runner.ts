/**
 * Sends generated requests for one operation through the gateway and names
 * every answer that breaks the rules: a 5xx, an error that is not
 * problem+json, a token or role the gateway let through, a Mongo operator
 * accepted as a string, a 2xx that does not match its response schema.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely */
import fc from 'fast-check';
import { MONGO_OPERATORS, OPERATOR_STRINGS } from './hostile';
import { type FuzzOperation, type FuzzRequest, IdPool, requestArbitrary, responseChecker } from './operation-requests';
import { schemaArbitrary, type Schema } from './schema-arbitrary';

export interface Reply {
  status: number;
  contentType: string;
  body: any;
  text: string;
}

export interface FuzzContext {
  gatewayUrl: string;
  document: Schema;
  tokens: Record<string, string>;
  pool: IdPool;
  checkResponse: ReturnType<typeof responseChecker>;
}

export async function send(gatewayUrl: string, request: FuzzRequest): Promise<Reply> {
  const response = await fetch(`${gatewayUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(90_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, text };
}

export function violation(ctx: FuzzContext, op: FuzzOperation, request: FuzzRequest, reply: Reply): string | undefined {
  const { status, body } = reply;
  if (status >= 500 && !op.declared.includes(String(status))) return `answered ${status}`;
  if (status >= 400) {
    if (!reply.contentType.startsWith('application/problem+json'))
      return `${status} as '${reply.contentType}', not application/problem+json`;
    if (
      typeof body !== 'object' ||
      body?.status !== status ||
      typeof body.type !== 'string' ||
      typeof body.title !== 'string' ||
      typeof body.code !== 'string'
    ) {
      return `${status} problem without type, title, status and code`;
    }
  }
  // the gateway answers 404 and 405 from its route table before it looks at the token
  if (op.roles !== 'public' && status !== 404 && status !== 405) {
    if ((request.auth === 'none' || request.auth === 'garbage') && status !== 401) return `no valid token, yet ${status} (want 401)`;
    if (request.auth === 'wrong' && status !== 403) return `role ${request.role} is not in x-roles, yet ${status} (want 403)`;
  }
  if (request.operatorInString && status < 300) return 'a Mongo operator object was accepted where the schema wants a string';
  if (status < 300 && reply.contentType.startsWith('application/json')) {
    const validate = ctx.checkResponse(op, status);
    if (validate && !validate(body)) return `${status} does not match its response schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`;
  }
  return undefined;
}

const clip = (text: string, n = 600) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);

export function describe(request: FuzzRequest, reply: Reply, problem: string): string {
  const headers = {
    ...request.headers,
    ...(request.headers.authorization ? { authorization: `Bearer <${request.role ?? request.auth}>` } : {}),
  };
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? clip(request.body) : `<${request.body.length} bytes>`;
  return `${problem}\n    ${request.method} ${clip(request.path, 300)}\n    headers ${JSON.stringify(headers)}\n    body ${body}\n    → ${reply.status} ${reply.contentType} ${clip(reply.text, 400)}`;
}

async function exchange(ctx: FuzzContext, op: FuzzOperation, request: FuzzRequest, mustFail = false): Promise<string | undefined> {
  let reply: Reply;
  try {
    reply = await send(ctx.gatewayUrl, request);
  } catch (error) {
    return describe(request, { status: 0, contentType: '', body: undefined, text: String(error) }, 'no answer');
  }
  if (reply.status < 300) ctx.pool.harvest(reply.body);
  const problem = violation(ctx, op, request, reply) ?? (mustFail && reply.status < 300 ? 'a hostile value was accepted' : undefined);
  return problem && describe(request, reply, problem);
}

/** Runs `numRuns` generated requests; returns the first failure, with the seed that replays it. */
export async function fuzzOperation(ctx: FuzzContext, op: FuzzOperation, seed: number, numRuns: number): Promise<string | undefined> {
  const property = fc.asyncProperty(requestArbitrary(ctx.document, op, ctx.pool, ctx.tokens), async (request) => {
    const failure = await exchange(ctx, op, request);
    if (failure) throw new Error(failure);
  });
  const result = await fc.check(property, { seed, numRuns, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
  if (!result.failed) return undefined;
  const error = result.errorInstance as Error | undefined;
  return `${op.method} ${op.template} (${op.operationId}, seed ${seed}, run ${result.numRuns}): ${error?.message ?? String(result.errorInstance)}`;
}

function stringLeaves(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (typeof value === 'string' && prefix.length) out.push(prefix);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) stringLeaves(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

function withValue(value: any, path: Array<string | number>, replacement: unknown): unknown {
  const copy = structuredClone(value);
  path.slice(0, -1).reduce((node, key) => node[key], copy)[path.at(-1)!] = replacement;
  return copy;
}

/**
 * Every string field of a valid-ish body, every query and path parameter,
 * in turn given a Mongo operator (as an object, as text, in bracket syntax),
 * sent with a role the operation allows: none may succeed or crash.
 */
export async function injectEveryField(ctx: FuzzContext, op: FuzzOperation, seed: number, role: string | undefined): Promise<string[]> {
  const failures: string[] = [];
  const headers: Record<string, string> = role ? { authorization: `Bearer ${ctx.tokens[role]}` } : {};
  const pathParams = op.params.filter((p) => p.in === 'path');
  const fill = (values: Record<string, string>) =>
    pathParams.reduce((path, p) => path.replace(`{${p.name}}`, encodeURIComponent(values[p.name] ?? ctx.pool.pick(0) ?? 'x')), op.template);
  const requests: Array<{ request: FuzzRequest; mustFail: boolean }> = [];
  const base = (path: string, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
    method: op.method,
    path,
    auth: 'allowed',
    role,
    headers: { ...headers },
    operatorInString: false,
    ...extra,
  });
  for (const p of pathParams)
    for (const text of OPERATOR_STRINGS) requests.push({ request: base(fill({ [p.name]: text })), mustFail: true });
  for (const p of op.params.filter((q) => q.in === 'query')) {
    requests.push({ request: base(`${fill({})}?${encodeURIComponent(`${p.name}[$gt]`)}=`), mustFail: true });
    requests.push({ request: base(`${fill({})}?${p.name}=${encodeURIComponent(OPERATOR_STRINGS[0]!)}`), mustFail: false });
  }
  if (op.body?.schema && op.body.mediaTypes.includes('application/json')) {
    const [valid] = fc.sample(schemaArbitrary(ctx.document, op.body.schema), { seed, numRuns: 1 });
    for (const leaf of stringLeaves(valid)) {
      for (const operator of MONGO_OPERATORS.slice(0, 3)) {
        const body = JSON.stringify(withValue(valid, leaf, operator));
        requests.push({
          request: base(fill({}), { body, headers: { ...headers, 'content-type': 'application/json' }, operatorInString: true }),
          mustFail: true,
        });
      }
    }
  }
  for (const { request, mustFail } of requests) {
    const failure = await exchange(ctx, op, request, mustFail);
    if (failure) failures.push(`${op.method} ${op.template} (${op.operationId}): ${failure}`);
  }
  return failures;
}
