/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely, as a client would */
import type { Client, Reply } from '../../src';

/** One reply a caller received: what was asked, and the body and header values as text. */
export interface Recorded {
  who: string;
  method: string;
  path: string;
  status: number;
  text: string;
}

/**
 * Wraps a client so that every reply it receives is kept (status, header values and body) for a later
 * search. The body is re-serialised from its JSON so `\uXXXX` escapes cannot hide a match.
 */
export function recording(who: string, client: Client, log: Recorded[]): Client {
  const keep = (method: string, path: string, reply: Reply): Reply => {
    const headers = [...reply.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
    const body = reply.body !== undefined && typeof reply.body !== 'string' ? JSON.stringify(reply.body) : reply.text;
    log.push({ who, method, path, status: reply.status, text: `${headers}\n\n${body}` });
    return reply;
  };
  return {
    token: client.token,
    request: async (method, path, body, headers) => keep(method, path, await client.request(method, path, body, headers)),
    get: async (path) => keep('GET', path, await client.get(path)),
    post: async (path, body, headers) => keep('POST', path, await client.post(path, body, headers)),
  };
}

/** Repeats a request until `done` accepts its reply (effects that arrive through Kafka), or fails with the last reply. */
export async function eventually<T = any>(
  what: string,
  send: () => Promise<Reply<T>>,
  done: (reply: Reply<T>) => boolean,
  timeoutMs = 120_000,
): Promise<Reply<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await send();
    if (done(reply)) return reply;
    if (Date.now() > deadline) throw new Error(`${what}: still ${reply.status} ${reply.text.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
