/**
 * A demo user talking to the gateway as the web app does: a bearer token, JSON, an Idempotency-Key on
 * creations, and the retries a real client makes — after 429 and 503 (Retry-After), after 409
 * `…NOT_YET_KNOWN` (the service has not heard the event yet), and after a dropped connection.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */

export interface Reply<T = any> {
  status: number;
  body: T;
  /** Idempotent-Replayed, and not because our own earlier attempt (timed out) made it. */
  replayed: boolean;
  /** An earlier attempt of this call failed or timed out (it may still have taken effect). */
  retried: boolean;
}

export interface GatewayUser {
  email: string;
  id: string;
  orgId?: string;
  call<T = any>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Reply<T>>;
  /** POSTs raw bytes (a document upload). */
  upload<T = any>(path: string, bytes: Uint8Array, contentType: string, idempotencyKey?: string): Promise<Reply<T>>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_WAIT_MS = 120_000;

function retryAfterMs(headers: Headers, fallbackMs: number): number {
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 5_000) : fallbackMs;
}

function retryable(status: number, body: any): boolean {
  if (status === 429 || status === 502 || status === 503 || status === 504) return true;
  return status === 409 && typeof body?.code === 'string' && body.code.endsWith('NOT_YET_KNOWN');
}

/** One HTTP call with the client retries above; gives up after two minutes of retrying. */
export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: { bytes: Uint8Array; contentType: string }; idempotencyKey?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.contentType;
  const payload = options.raw ? options.raw.bytes : options.body === undefined ? undefined : JSON.stringify(options.body);
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const started = Date.now();
  // a replay after our own attempt timed out or failed is that attempt's creation, not an earlier run's
  let failedBefore = false;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: payload,
      });
    } catch (error) {
      if (Date.now() - started > MAX_WAIT_MS) throw error;
      failedBefore = true;
      await sleep(500 * Math.min(attempt + 1, 6));
      continue;
    }
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    if (retryable(response.status, body) && Date.now() - started < MAX_WAIT_MS) {
      failedBefore ||= response.status >= 500;
      await sleep(retryAfterMs(response.headers, 300 * Math.min(attempt + 1, 10)));
      continue;
    }
    return {
      status: response.status,
      body: body as T,
      replayed: response.headers.has('idempotent-replayed') && !failedBefore,
      retried: failedBefore,
    };
  }
}

async function signIn(baseUrl: string, email: string, password: string) {
  const reply = await call<{ accessToken: string; user: { id: string; orgId: string } }>(baseUrl, 'POST', '/auth/login', {
    body: { email, password },
  });
  if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Signs in; signs in again when the access token expires (a long seed on a busy machine outlives one). */
export async function login(baseUrl: string, email: string, password: string): Promise<GatewayUser> {
  let session = await signIn(baseUrl, email, password);
  const withSession = async <T>(send: (token: string) => Promise<Reply<T>>): Promise<Reply<T>> => {
    const reply = await send(session.accessToken);
    if (reply.status !== 401) return reply;
    session = await signIn(baseUrl, email, password);
    return send(session.accessToken);
  };
  return {
    email,
    id: session.user.id,
    orgId: session.user.orgId,
    call: (method, path, body, idempotencyKey) => withSession((token) => call(baseUrl, method, path, { token, body, idempotencyKey })),
    upload: (path, bytes, contentType, idempotencyKey) =>
      withSession((token) => call(baseUrl, 'POST', path, { token, raw: { bytes, contentType }, idempotencyKey })),
  };
}

/** Every item of a cursor-paged list. */
export async function listAll<T = any>(user: GatewayUser, path: string, max = 5_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply: Reply<{ items: T[]; nextCursor: string | null }> = await user.call(
      'GET',
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

/** Runs `work` over `items`, `concurrency` at a time, in order of start. */
export async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
