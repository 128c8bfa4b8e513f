import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testNamespace, waitFor } from '@hoanhap/testing';
import { createLogger, gracefulShutdown } from '../src';

testNamespace(); // no server touched; kept for the per-file convention
const logger = createLogger({ name: 'kit-shutdown', level: 'silent' });

describe('gracefulShutdown', () => {
  it('when shutdown runs, then the server stops accepting, in-flight requests finish, closers run in order and the process exits 0', async () => {
    let release: (() => void) | undefined;
    const server = createServer((_req, res) => {
      release = () => res.end('done');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const order: string[] = [];
    const exit = jest.fn();
    const lifecycle = gracefulShutdown(server, { logger, exit, signals: [] });
    lifecycle.onShutdown('consumers', async () => void order.push('consumers'));
    lifecycle.onShutdown('mongo', () => void order.push('mongo'));

    const inFlight = new Promise<string>((resolve) => {
      httpRequest({ port, host: '127.0.0.1', path: '/' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c)).on('end', () => resolve(body));
      }).end();
    });
    // the request must be in flight (reached the handler) before shutdown starts
    const finish = await waitFor('the request to reach the server', () => release);
    const done = lifecycle.shutdown('test');
    expect(lifecycle.draining).toBe(true);
    finish();
    expect(await inFlight).toBe('done');
    await done;
    expect(server.listening).toBe(false);
    expect(order).toEqual(['consumers', 'mongo']);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('when a closer fails, then the others still run and the exit code is 1', async () => {
    const server = createServer();
    const exit = jest.fn();
    const ran: string[] = [];
    const lifecycle = gracefulShutdown(server, { logger, exit, signals: [] });
    lifecycle.onShutdown('broken', () => Promise.reject(new Error('boom')));
    lifecycle.onShutdown('redis', () => void ran.push('redis'));
    await lifecycle.shutdown('test');
    expect(ran).toEqual(['redis']);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
