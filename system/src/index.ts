/**
 * The whole stack for one test file: every service and the gateway as real
 * processes (the same supervisor `npm start` uses) on a free block of ports,
 * with databases, topics, consumer groups and Redis keys under the file's own
 * namespace, against the real Kafka, FerretDB and Redis. Tests then act only
 * through the gateway, as the web app and real clients do.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON read loosely by tests, as a client would */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infraUrls, testNamespace } from '@hoanhap/testing';
import { freePortBlock, startStack, type Stack } from '../../scripts/stack';

export const DEMO_PASSWORD = 'demo1234';

export interface System {
  stack: Stack;
  gatewayUrl: string;
  /** The namespace's topic prefix (contract events published by a test go under it). */
  topicPrefix: string;
  kafkaBrokers: string[];
  login(email: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface Client {
  token: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
}

export async function request<T = any>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the text is the body
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export async function startSystem(options: { label?: string; env?: NodeJS.ProcessEnv; only?: string[] } = {}): Promise<System> {
  const ns = testNamespace(options.label);
  const urls = infraUrls();
  const gatewayPort = await freePortBlock();
  const dataDir = mkdtempSync(join(tmpdir(), `hoanhap-${ns.dbName}-`));
  const stack = await startStack({
    gatewayPort,
    namespace: ns.dbName,
    dataDir,
    only: options.only,
    // a shared 2-core machine under other suites' load can take minutes per service
    healthTimeoutMs: Number(process.env.SYSTEM_HEALTH_TIMEOUT_MS ?? 180_000),
    env: {
      KAFKA_BROKERS: urls.kafkaBrokers.join(','),
      MONGO_URL: urls.mongoUrl,
      REDIS_URL: urls.redisUrl,
      // one test process plays every user from one IP
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...options.env,
    },
  });
  const gatewayUrl = stack.gatewayUrl;
  const login = async (email: string, password = DEMO_PASSWORD): Promise<Client> => {
    const reply = await request<{ accessToken: string }>(`${gatewayUrl}/auth/login`, 'POST', { email, password });
    if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status} ${reply.text}`);
    const token = reply.body.accessToken;
    const auth = { authorization: `Bearer ${token}` };
    return {
      token,
      request: (method, path, body, headers) => request(`${gatewayUrl}${path}`, method, body, { ...auth, ...headers }),
      get: (path) => request(`${gatewayUrl}${path}`, 'GET', undefined, auth),
      post: (path, body, headers) => request(`${gatewayUrl}${path}`, 'POST', body, { ...auth, ...headers }),
    };
  };
  return {
    stack,
    gatewayUrl,
    topicPrefix: `${ns.dbName}.`,
    kafkaBrokers: urls.kafkaBrokers,
    login,
    async close() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
