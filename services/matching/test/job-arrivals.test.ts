import { JobArrivals } from '../src/domain/model/job-arrivals';

describe('JobArrivals', () => {
  it('when the job arrives, then every request waiting for it is answered true, and none is left waiting', async () => {
    const arrivals = new JobArrivals();
    const waits = [arrivals.wait('j1', 10_000), arrivals.wait('j1', 10_000), arrivals.wait('j2', 50)];
    expect(arrivals.size).toBe(3);
    arrivals.arrived('j1');
    await expect(Promise.all(waits)).resolves.toEqual([true, true, false]);
    expect(arrivals.size).toBe(0);
  });

  it('when too many already wait, then one more does not wait', async () => {
    const arrivals = new JobArrivals(2);
    const waits = [arrivals.wait('a', 10_000), arrivals.wait('b', 10_000)];
    await expect(arrivals.wait('c', 10_000)).resolves.toBe(false);
    arrivals.arrived('a');
    arrivals.arrived('b');
    await expect(Promise.all(waits)).resolves.toEqual([true, true]);
  });

  it('when a job arrives that nobody waits for, then nothing happens', () => {
    const arrivals = new JobArrivals();
    arrivals.arrived('nobody');
    expect(arrivals.size).toBe(0);
  });
});
