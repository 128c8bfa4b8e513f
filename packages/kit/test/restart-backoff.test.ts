import { restartBackoff } from '../src';

describe('restartBackoff: when to start a crashed process again', () => {
  it('when a process keeps crashing, then the delay doubles from 1 s up to 30 s, and starts over once it stayed up a minute', () => {
    let clock = 0;
    const backoff = restartBackoff({ now: () => clock });
    const delays: number[] = [];
    for (let crash = 0; crash < 7; crash++) {
      backoff.started();
      clock += 5_000;
      delays.push(backoff.next());
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(backoff.restarts).toBe(7);
    backoff.started();
    clock += 60_001;
    expect(backoff.next()).toBe(1_000);
    expect(backoff.restarts).toBe(1);
  });
});
