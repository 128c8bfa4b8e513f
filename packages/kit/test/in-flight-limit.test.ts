import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { createApp } from '../src';

/** An app whose GET /slow waits until `release()` is called; two requests at once at most. */
function slowApp() {
  const waiting: (() => void)[] = [];
  const router = Router();
  router.get('/slow', async (_req, res) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    res.json({ done: true });
  });
  const app = createApp({ name: 'in-flight-test', routes: router, maxInFlight: 2 });
  return { app, releaseAll: () => waiting.splice(0).forEach((resolve) => resolve()), waitingCount: () => waiting.length };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True once `condition` holds, false after 2 s. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200 && !condition(); i += 1) await sleep(10);
  return condition();
}

async function until(condition: () => boolean): Promise<void> {
  if (!(await eventually(condition))) throw new Error('condition not reached in 2 s');
}

describe('in-flight limit (load shedding)', () => {
  const { app, releaseAll, waitingCount } = slowApp();
  const server = app.listen(0);
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('when as many requests as the limit are in progress, then one more gets 503 SERVICE.OVERLOADED with Retry-After, and health still answers', async () => {
    const first = [fetch(`${base()}/slow`), fetch(`${base()}/slow`)];
    await until(() => waitingCount() === 2);

    const shed = await fetch(`${base()}/slow`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ code: 'SERVICE.OVERLOADED', status: 503 });
    expect(waitingCount()).toBe(2); // the shed request never reached the handler
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);

    releaseAll();
    for (const answer of await Promise.all(first)) expect(answer.status).toBe(200);
  });

  it('when the requests in progress finish or their clients go away, then their slots are given back', async () => {
    const aborted = new AbortController();
    const gone = fetch(`${base()}/slow`, { signal: aborted.signal }).catch(() => 'aborted');
    const kept = fetch(`${base()}/slow`);
    await until(() => waitingCount() === 2);
    aborted.abort();
    expect(await gone).toBe('aborted');
    // the aborted request's slot is given back (when the server sees the connection close) although its handler
    // still waits: a new request is taken in — shed with 503 only until the server has seen the close
    let third: Promise<Response> | undefined;
    for (let attempt = 0; attempt < 50 && !third; attempt += 1) {
      const sent = fetch(`${base()}/slow`);
      const outcome = await Promise.race([
        sent.then((r) => r.status),
        eventually(() => waitingCount() === 3).then((ok) => (ok ? 'in' : 'timeout')),
      ]);
      if (outcome === 'in') third = sent;
      else expect(outcome).toBe(503);
    }
    expect(third).toBeDefined();
    releaseAll();
    expect((await kept).status).toBe(200);
    expect((await third!).status).toBe(200);
    // all finished: two at once are taken in again
    const again = [fetch(`${base()}/slow`), fetch(`${base()}/slow`)];
    await until(() => waitingCount() === 2);
    releaseAll();
    for (const answer of await Promise.all(again)) expect(answer.status).toBe(200);
  });
});
