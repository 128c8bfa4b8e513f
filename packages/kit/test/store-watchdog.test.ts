import { createLogger, exitWhenStoreLost } from '../src';

const logger = createLogger({ name: 'kit-watchdog', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a watchdog (pinging every 20 ms) over `ping` for `runMs`; the exit codes it asked for. */
async function exitsWatching(ping: () => Promise<unknown>, afterMs: number, runMs: number): Promise<number[]> {
  const exits: number[] = [];
  const watchdog = exitWhenStoreLost(ping, { logger, afterMs, everyMs: 20, exit: (code) => exits.push(code) });
  await sleep(runMs);
  watchdog.stop();
  return exits;
}

describe('exitWhenStoreLost', () => {
  it('when the database stops answering for longer than the limit, then the process exits once with code 1', async () => {
    expect(await exitsWatching(() => Promise.reject(new Error('connection 12 closed')), 100, 600)).toEqual([1]);
  });

  it('when the database answers, or fails for a moment only, then it never exits', async () => {
    let calls = 0;
    // fails one ping in three: never silent for longer than ~40 ms, under the limit the run outlasts threefold
    const ping = () => (++calls % 3 === 0 ? Promise.reject(new Error('blip')) : Promise.resolve());
    expect(await exitsWatching(ping, 300, 1_000)).toEqual([]);
    expect(calls).toBeGreaterThan(15);
  });

  it('when a ping hangs, then it counts as a failure', async () => {
    expect(await exitsWatching(() => new Promise(() => undefined), 50, 600)).toEqual([1]);
  });
});
