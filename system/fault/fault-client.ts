/**
 * A client as real ones behave: every write carries an Idempotency-Key and is
 * retried with the SAME key and backoff on a network error, a 5xx, a 429, or a
 * 409 that says "retry after" (a fact another service has not heard of yet),
 * until it gets an answer that is final or its deadline passes.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  body: any;
  attempts: number;
  /** The service answered with the first answer to this Idempotency-Key (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

export interface Session {
  token: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CallOptions {
  /** Also retry this status (the setup retries a list until the referral's application is in it). */
  retryAlso?: (status: number, body: any) => boolean;
  deadlineMs?: number;
}

export function retryable(status: number, retryAfter: string | null): boolean {
  return status >= 500 || status === 429 || (status === 409 && retryAfter !== null);
}

export async function call(
  gatewayUrl: string,
  session: Session | undefined,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const key = randomUUID();
  const deadline = Date.now() + (options.deadlineMs ?? 180_000);
  let last: Answer = { status: 0, body: 'no attempt', attempts: 0, replayed: false };
  for (let attempt = 1; ; attempt++) {
    let retryAfter: string | null = null;
    try {
      const response = await fetch(`${gatewayUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          ...(session && { authorization: `Bearer ${session.token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      last = { status: response.status, body: parsed, attempts: attempt, replayed: response.headers.get('idempotent-replayed') === 'true' };
      retryAfter = response.headers.get('retry-after');
      if (!retryable(response.status, retryAfter) && !options.retryAlso?.(response.status, parsed)) return last;
    } catch (error) {
      last = { status: 0, body: String((error as Error).cause ?? error), attempts: attempt, replayed: false };
    }
    if (Date.now() > deadline) return last;
    // up to 20 s: a 504 leaves the first attempt still queued in the service, and quick retries only lengthen the queue
    const backoff = Math.min(20_000, 250 * 2 ** Math.min(attempt, 7));
    const hinted = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    await sleep(Math.max(hinted, backoff) * (0.5 + Math.random() / 2));
  }
}

export async function login(gatewayUrl: string, email: string, password = 'demo1234'): Promise<Session> {
  const answer = await call(gatewayUrl, undefined, 'POST', '/auth/login', { email, password }, { deadlineMs: 60_000 });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { token: answer.body.accessToken };
}
