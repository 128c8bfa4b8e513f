/**
 * One operation of the merged OpenAPI document as a generator of requests
 * (valid-ish and hostile), and the rules every answer must keep.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the document and replies are JSON read loosely */
import fc from 'fast-check';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { hostilePathValue, hostileQueryValue, MONGO_OPERATORS, mutate, mutation, OPERATOR_STRINGS } from './hostile';
import { resolver, schemaArbitrary, type Schema } from './schema-arbitrary';

export const DEMO_ROLES = ['officer', 'employer', 'college', 'bank', 'admin'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export interface FuzzOperation {
  method: string;
  template: string;
  operationId: string;
  roles: string[] | 'public';
  params: Array<{ name: string; in: string; required: boolean; schema: Schema }>;
  body?: { required: boolean; mediaTypes: string[]; schema?: Schema };
  pointer: string;
  /** Statuses the operation documents (a 5xx among them is part of its contract, e.g. /readyz's 503). */
  declared: string[];
}

export interface FuzzRequest {
  method: string;
  path: string;
  auth: 'allowed' | 'wrong' | 'none' | 'garbage';
  role?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** A Mongo operator object was put where the schema wants a string. */
  operatorInString: boolean;
}

export function listOperations(document: Schema): FuzzOperation[] {
  const resolve = resolver(document);
  const operations: FuzzOperation[] = [];
  for (const [template, item] of Object.entries<Schema>(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const roles = op['x-roles'] as string[];
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(resolve)
        .map((p: Schema) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema ?? {} }));
      const requestBody = op.requestBody ? resolve(op.requestBody) : undefined;
      const content: Schema = requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        roles: roles.includes('public') ? 'public' : roles,
        params,
        body: requestBody
          ? { required: requestBody.required === true, mediaTypes: Object.keys(content), schema: content['application/json']?.schema }
          : undefined,
        declared: Object.keys(op.responses ?? {}),
        pointer: `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
      });
    }
  }
  return operations;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const RAW_PATH = ['%', '%E0%A4%A', '%2e%2e', '..%2F..%2Fadmin', '%C0%AF'];

/** Ids seen in earlier answers, so generated requests also reach records that exist. */
export class IdPool {
  readonly ids: string[] = [];
  harvest(value: unknown, depth = 0): void {
    if (depth > 4 || !value || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /^(id|.+Id)$/.test(key) && this.ids.length < 500 && !this.ids.includes(item)) this.ids.push(item);
      else this.harvest(item, depth + 1);
    }
  }
  pick(n: number): string | undefined {
    return this.ids.length ? this.ids[n % this.ids.length] : undefined;
  }
}

/** Requests for `op`: generated values are resolved against the pool and tokens when sent, so a seed replays. */
export function requestArbitrary(
  document: Schema,
  op: FuzzOperation,
  pool: IdPool,
  tokens: Record<string, string>,
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const headerParams = op.params.filter((p) => p.in === 'header');
  const pathValue = (p: FuzzOperation['params'][number]) =>
    fc.oneof(
      { weight: 3, arbitrary: schemaArbitrary(document, p.schema).map((v) => encodeURIComponent(asText(v))) },
      { weight: 3, arbitrary: fc.nat().map((n) => encodeURIComponent(pool.pick(n) ?? 'none')) },
      { weight: 3, arbitrary: hostilePathValue.map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH) },
    );
  const queryValue = (p: FuzzOperation['params'][number]) =>
    fc.oneof(
      { weight: 3, arbitrary: schemaArbitrary(document, p.schema).map(asText) },
      { weight: 2, arbitrary: hostileQueryValue },
      { weight: 1, arbitrary: fc.constant(['a', 'b']) },
    );
  const query = fc.tuple(
    ...queryParams.map((p) => fc.option(queryValue(p), { freq: p.required ? 8 : 2 }).map((v) => [p.name, v] as const)),
    fc.option(
      fc.constantFrom<[string, string]>(
        ['limit[$gt]', ''],
        ['$where', '1'],
        ['q[$ne]', 'null'],
        ['__proto__[x]', '1'],
        ['unknownParam', 'x'],
      ),
      { freq: 3 },
    ),
  );
  const headers = fc.tuple(
    ...headerParams.map((p) =>
      fc.option(
        fc.oneof(
          schemaArbitrary(document, p.schema).map(asText),
          fc.constantFrom(...OPERATOR_STRINGS.filter((s) => !s.includes('\u0000'))),
        ),
      ),
    ),
  );
  const auth = fc.tuple(
    fc.constantFrom<FuzzRequest['auth']>('allowed', 'allowed', 'allowed', 'allowed', 'wrong', 'none', 'garbage'),
    fc.nat(),
  );
  const jsonBody = op.body?.schema ? schemaArbitrary(document, op.body.schema) : fc.constant({});
  const body = fc.oneof(
    { weight: 3, arbitrary: jsonBody.map((value) => ({ value, operatorInString: false })) },
    {
      weight: 5,
      arbitrary: fc.tuple(jsonBody, fc.nat(), mutation).map(([value, at, change]) => {
        const mutated = mutate(value, at, change);
        const operatorInString = change.kind === 'replace' && MONGO_OPERATORS.includes(change.value) && replacedString(value, mutated);
        return { value: mutated, operatorInString };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>([], 'text', 42, null, MONGO_OPERATORS[0]).map((value) => ({ value, operatorInString: false })),
    },
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'none',
  );
  const bytes = fc.uint8Array({ maxLength: 2_000 });
  const rawMedia = fc.constantFrom(...(op.body?.mediaTypes ?? ['application/octet-stream']), 'multipart/form-data; boundary=x');

  return fc.record({ path: fc.tuple(...pathParams.map(pathValue)), query, headers, auth, body, contentType, bytes, rawMedia }).map((g) => {
    let path = op.template;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, g.path[i]!)));
    const search = new URLSearchParams();
    for (const entry of g.query) {
      if (!entry) continue;
      const [name, value] = entry;
      if (value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
    }
    const headers: Record<string, string> = {};
    headerParams.forEach((p, i) => {
      const value = g.headers[i];
      // fetch refuses header values outside Latin-1: such a header cannot reach a server anyway
      if (value != null && /^[\x20-\x7e]*$/.test(value)) headers[p.name] = value;
    });
    const [authKind, n] = g.auth;
    const allowed = op.roles === 'public' ? [...DEMO_ROLES] : DEMO_ROLES.filter((r) => op.roles.includes(r));
    const wrong = op.roles === 'public' ? [] : DEMO_ROLES.filter((r) => !op.roles.includes(r));
    let kind = authKind;
    if (kind === 'allowed' && allowed.length === 0) kind = 'garbage'; // returnee-only operations: no demo user holds the role
    if (kind === 'wrong' && wrong.length === 0) kind = 'allowed';
    const role = kind === 'allowed' ? allowed[n % allowed.length] : kind === 'wrong' ? wrong[n % wrong.length] : undefined;
    if (role) headers.authorization = `Bearer ${tokens[role]}`;
    if (kind === 'garbage') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.';
    const request: FuzzRequest = {
      method: op.method,
      path: search.size ? `${path}?${search}` : path,
      auth: kind,
      role,
      headers,
      operatorInString: false,
    };
    if (!op.body) return request;
    if (!op.body.mediaTypes.includes('application/json')) {
      request.headers['content-type'] = g.rawMedia;
      request.body = g.bytes;
      return request;
    }
    if (g.body.value === undefined) return request;
    request.body = JSON.stringify(g.body.value);
    request.operatorInString = g.body.operatorInString && g.contentType.startsWith('application/json');
    if (g.contentType !== 'none') request.headers['content-type'] = g.contentType;
    return request;
  });
}

// true when the mutation put an operator object where a string was
function replacedString(before: unknown, after: unknown): boolean {
  if (typeof before === 'string') return typeof after === 'object' && after !== null;
  if (!before || typeof before !== 'object' || !after || typeof after !== 'object') return false;
  return Object.keys(before).some((k) => replacedString((before as any)[k], (after as any)[k]));
}

/** Response validators for the 2xx JSON answers of the merged document. */
export function responseChecker(document: Schema) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(document, 'merged');
  const cache = new Map<string, ValidateFunction | null>();
  return (op: FuzzOperation, status: number): ValidateFunction | null => {
    const key = `${op.pointer} ${status}`;
    if (!cache.has(key)) {
      const raw = document.paths[op.template][op.method.toLowerCase()].responses?.[String(status)];
      const at = typeof raw?.$ref === 'string' ? raw.$ref : `${op.pointer}/responses/${status}`;
      const hasSchema = resolver(document)(raw)?.content?.['application/json']?.schema !== undefined;
      cache.set(key, hasSchema ? ajv.compile({ $ref: `merged${at}/content/application~1json/schema` }) : null);
    }
    return cache.get(key)!;
  };
}
