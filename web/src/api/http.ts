import { ApiError, NetworkError, type Problem } from './api-error';
import { tokenStore } from './token-store';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as `Idempotency-Key` on creating POSTs, so a retried click creates nothing twice. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** No Authorization header and no refresh (login, refresh itself). */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** `blob` for a file (an XLSX export); otherwise JSON when the answer says so, else text. */
  responseType?: 'blob';
}

/**
 * Every value of a spec's enum `T`, for a picker: `everyOf<Gender>()(['male', 'female', 'other'])`. The compiler
 * refuses a value the enum lacks and names one the list lacks, so a spec that gains or loses a value breaks the build,
 * not the form.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): readonly T[] =>
    list;

/** A list page as every service answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The JSON body of an operation's answer, taken from the types generated from the service's openapi.yaml
 * (packages/contracts/src/generated): `JsonAnswer<operations['matchJobsForReturnee']>`. Types only: nothing reaches the bundle.
 */
export type JsonAnswer<Operation, Status extends number = 200> = Operation extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

type RefreshFn = () => Promise<boolean>;
let refreshSession: RefreshFn = async () => false;
let onSessionLost: () => void = () => undefined;

/** Wired by the session provider: how to refresh, and what to do when the session is gone. */
export function configureSessionHandling(refresh: RefreshFn, lost: () => void): void {
  refreshSession = refresh;
  onSessionLost = lost;
}

// One refresh at a time: several requests failing with 401 together share it (refresh tokens are single use).
let refreshing: Promise<boolean> | null = null;
function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshSession().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const token = options.anonymous ? null : tokenStore.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...parsed, status: response.status, code: parsed.code ?? `HTTP.${response.status}` };
  } catch {
    return {
      status: response.status,
      code: `HTTP.${response.status}`,
      title: response.statusText,
      detail: text.slice(0, 200) || undefined,
    };
  }
}

/**
 * Calls the gateway. A 401 on an authenticated call refreshes the session once
 * and retries; if that fails the session is over (back to the login page).
 * Non-2xx answers throw {@link ApiError} with the problem+json body.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 401 && !options.anonymous && tokenStore.refreshToken()) {
    if (await refreshOnce()) {
      response = await send(method, path, options);
    }
    if (response.status === 401) onSessionLost();
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(response.status, await problemOf(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  if (response.status === 204) return undefined as T;
  if (options.responseType === 'blob') return (await response.blob()) as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('DELETE', path, { ...options, query }),
};

/** A fresh key for one user action (one form submit). */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; a phone opening the app over plain http on the LAN has none
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
