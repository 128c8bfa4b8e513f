import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthy } from '../../scripts/stack';

let server: Server;
let url: string;
let answer = 503;
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(answer).end(answer === 503 ? 'store not ready' : 'ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('healthy(): what a wait for /healthz saw, for the message of a timeout', () => {
  it('when the process answers 503 until the deadline, then false, and the last answer is told with its body', async () => {
    const seen: string[] = [];
    await expect(healthy(url, 700, (last) => seen.push(last))).resolves.toBe(false);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe('503 store not ready');
  });

  it('when nothing listens, then false, and the connection error is told', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const seen: string[] = [];
    await expect(healthy(`http://127.0.0.1:${port}`, 700, (last) => seen.push(last))).resolves.toBe(false);
    expect(seen.at(-1)).toBe('ECONNREFUSED');
  });

  it('when the process answers 200, then true at once', async () => {
    answer = 200;
    await expect(healthy(url, 5_000)).resolves.toBe(true);
  });
});
