import { testNamespace } from '@hoanhap/testing';
import { ConfigError, connectStores, createLogger, listenOn, portOf, runService } from '../src';

const ns = testNamespace();
const logger = createLogger({ name: 'kit-boot', level: 'silent' });

describe('connectStores', () => {
  it('when Mongo and Redis answer, then both are connected to the service database, and close() closes both', async () => {
    const stores = await connectStores({ mongoUrl: ns.mongoUri, mongoDb: ns.dbName, redisUrl: ns.redisUrl }, logger);
    expect(stores.connection.readyState).toBe(1);
    expect(stores.connection.name).toBe(ns.dbName);
    expect(await stores.redis.ping()).toBe('PONG');
    await stores.close();
    expect(stores.connection.readyState).toBe(0);
    expect(stores.redis.isOpen).toBe(false);
  });
});

describe('listenOn', () => {
  it('when the port is free, then it resolves once listening; when it is taken, then it rejects with EADDRINUSE', async () => {
    const app = (_req: unknown, res: { end(body: string): void }) => res.end('ok');
    const server = await listenOn(app as never, 0);
    try {
      expect(await (await fetch(`http://127.0.0.1:${portOf(server)}/`)).text()).toBe('ok');
      await expect(listenOn(app as never, portOf(server))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      server.close();
    }
  });
});

describe('runService', () => {
  class KeyFileMissing extends Error {}
  const outcome = async (error: Error, known: (typeof KeyFileMissing)[] = []) => {
    const lines: string[] = [];
    const exits: number[] = [];
    await runService('demo', () => Promise.reject(error), { known, print: (line) => lines.push(line), exit: (code) => exits.push(code) });
    return { lines, exits };
  };

  it('when boot fails on configuration, then one line gives the message alone and the exit code is 1', async () => {
    const { lines, exits } = await outcome(new ConfigError([{ key: 'port', env: 'PORT', message: 'must be an integer' }]));
    expect(lines).toEqual(['demo cannot start: invalid configuration:\n  - PORT (port): must be an integer']);
    expect(exits).toEqual([1]);
  });

  it('when boot fails on a known error, then its message alone; on anything else, then its stack', async () => {
    expect((await outcome(new KeyFileMissing('IDENTITY_PRIVATE_KEY_FILE /x: no such file'), [KeyFileMissing])).lines).toEqual([
      'demo cannot start: IDENTITY_PRIVATE_KEY_FILE /x: no such file',
    ]);
    const unknown = await outcome(new TypeError('boom'));
    expect(unknown.lines[0]).toMatch(/^demo cannot start: TypeError: boom\n\s+at /);
    expect(unknown.exits).toEqual([1]);
  });

  it('when boot succeeds, then nothing is printed and the process is left running', async () => {
    const exits: number[] = [];
    await runService('demo', async () => undefined, { print: () => exits.push(-1), exit: (code) => exits.push(code) });
    expect(exits).toEqual([]);
  });
});
