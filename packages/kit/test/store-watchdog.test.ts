import { createLogger, exitWhenStoreLost } from '../src';

const logger = createLogger({ name: 'kit-watchdog', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exitWhenStoreLost', () => {
  it('when the database stops answering for longer than the limit, then the process exits once with code 1', async () => {
    const exits: number[] = [];
    const watchdog = exitWhenStoreLost(() => Promise.reject(new Error('connection 12 closed')), {
      logger,
      afterMs: 100,
      everyMs: 20,
      exit: (code) => exits.push(code),
    });
    await sleep(600);
    watchdog.stop();
    expect(exits).toEqual([1]);
  });

  it('when the database answers, or fails for a moment only, then it never exits', async () => {
    const exits: number[] = [];
    let calls = 0;
    // fails one ping in three: never silent for longer than ~40 ms, under the limit the run outlasts threefold
    const ping = () => (++calls % 3 === 0 ? Promise.reject(new Error('blip')) : Promise.resolve());
    const watchdog = exitWhenStoreLost(ping, { logger, afterMs: 300, everyMs: 20, exit: (code) => exits.push(code) });
    await sleep(1_000);
    watchdog.stop();
    expect(calls).toBeGreaterThan(15);
    expect(exits).toEqual([]);
  });

  it('when a ping hangs, then it counts as a failure', async () => {
    const exits: number[] = [];
    const watchdog = exitWhenStoreLost(() => new Promise(() => undefined), {
      logger,
      afterMs: 50,
      everyMs: 20,
      exit: (code) => exits.push(code),
    });
    await sleep(600);
    watchdog.stop();
    expect(exits).toEqual([1]);
  });
});
