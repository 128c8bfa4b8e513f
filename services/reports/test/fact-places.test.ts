import { randomUUID } from 'node:crypto';
import { applicationStatusChangedV1, returneeRegisteredV1, type EventDefinition, type EventEnvelope } from '@hoanhap/contracts';
import { buildEnvelope, newEvent } from '@hoanhap/events';
import { storeCallsDuring } from '@hoanhap/testing';
import { reportFactConsumers } from '../src/events/consumers/report-facts.consumer';
import { startReports, type Harness } from './support/reports-harness';
import { A } from './support/scenario';

let h: Harness;
beforeAll(async () => {
  h = await startReports();
});
afterAll(() => h?.close());

const context = { topic: 't', partition: 0, offset: '0', attempt: 1, heartbeat: async () => undefined };
/** The consumer's own handler for one event (no Kafka: what these tests watch is the store). */
async function handle<P>(definition: EventDefinition<P>, payload: P, key: string): Promise<void> {
  const handler = reportFactConsumers(h.reports.ctx.store).find((c) => c.definition === definition)!;
  await handler.handle(buildEnvelope(newEvent(definition, payload), key, { correlationId: 'fact-places' }) as EventEnvelope, context);
}
const registered = (returneeId: string) =>
  handle(
    returneeRegisteredV1,
    {
      returneeId,
      provinceCode: '40',
      communeCode: A,
      releaseKind: 'completed',
      releaseMonth: '2026-03',
      registeredAt: '2026-03-02T08:00:00.000Z',
    },
    returneeId,
  );
const hired = (returneeId: string) => {
  const applicationId = randomUUID();
  const payload = {
    applicationId,
    referralId: randomUUID(),
    jobId: randomUUID(),
    employerOrgId: 'org-employer-1',
    returneeId,
    status: 'hired' as const,
    employmentType: 'stable' as const,
    at: '2026-04-01T08:00:00.000Z',
  };
  return handle(applicationStatusChangedV1, payload, applicationId);
};
const factsOf = (returneeId: string) => h.connection.collection('facts').find({ returneeId }).toArray();

describe('facts that come before their returnee is placed', () => {
  it('when a hire comes before the registration, then once registered the hire counts in that commune', async () => {
    const returneeId = randomUUID();
    await hired(returneeId);
    expect((await factsOf(returneeId)).map((f) => f.communeCode)).toEqual([null]);

    await registered(returneeId);

    const facts = await factsOf(returneeId);
    expect(facts.length).toBeGreaterThan(1);
    expect(facts.every((f) => f.provinceCode === '40' && f.communeCode === A)).toBe(true);
  });

  it('when a returnee registers before any fact of theirs, then the facts are read by _id only (no update scans them)', async () => {
    const returneeId = randomUUID();
    const { calls } = await storeCallsDuring(h.connection, ['facts', 'unplaced_returnees'], () => registered(returneeId));
    const filtered = calls.filter((c) => c.method !== 'insertMany').map(({ method, filter }) => ({ method, filter }));
    expect(filtered).toEqual([{ method: 'findOne', filter: { _id: returneeId } }]);
    expect((await factsOf(returneeId)).every((f) => f.communeCode === A)).toBe(true);
  });

  it('when a hire and the registration are handled at nearly the same moment, then every fact ends placed (240 rounds)', async () => {
    const after = (ms: number, work: () => Promise<void>) =>
      new Promise<void>((resolve, reject) => setTimeout(() => work().then(resolve, reject), ms));
    for (let round = 0; round < 240; round++) {
      const returneeId = randomUUID();
      // the registration starts 0–5 ms after the hire, or the hire after the registration: a sweep over the interleavings
      const lag = round % 6;
      await Promise.all(
        round % 12 < 6
          ? [hired(returneeId), after(lag, () => registered(returneeId))]
          : [registered(returneeId), after(lag, () => hired(returneeId))],
      );
      const unplaced = (await factsOf(returneeId)).filter((f) => f.communeCode !== A);
      expect({ round, unplaced }).toEqual({ round, unplaced: [] });
    }
  });

  it('when those facts were placed late, in every interleaving, then the figure counters add up to exactly what the facts do', async () => {
    await h.reports.ctx.store.facts.countersRebuilt();
    const summary = async () => (await h.get('admin', '/summary?provinceCode=40&to=2026-06-30').expect(200)).body;
    const counted = await summary();
    // 241 hires (240 rounds and the first test), each counted once, in commune A
    expect(counted.jobs.hires.stable).toBe(241);
    expect(counted.rows.map((r: { communeCode: string; stableWork: number }) => [r.communeCode, r.stableWork])).toEqual([[A, 241]]);
    await h.loseCounters();
    // the same summary counted from the facts themselves
    expect(await summary()).toEqual(counted);
  });

  it('when Redis cannot be reached as facts are recorded, then none is lost: summaries count them from the facts until a rebuild has counted them', async () => {
    await h.reports.ctx.store.facts.countersRebuilt();
    const summary = () => storeCallsDuring(h.connection, ['facts'], () => h.get('admin', '/summary?provinceCode=40&to=2026-06-30').expect(200));
    const before = await summary();
    expect(before.calls.filter((c) => c.method === 'aggregate')).toEqual([]);
    const returneeId = randomUUID();
    await h.redis.disconnect();
    try {
      await registered(returneeId);
      await hired(returneeId);
    } finally {
      await h.redis.connect();
    }
    // the counters in Redis are as before, but they are not read: the facts are
    const fromFacts = await summary();
    expect(fromFacts.calls.filter((c) => c.method === 'aggregate')).toHaveLength(1);
    expect(fromFacts.result.body.jobs.hires.stable).toBe(before.result.body.jobs.hires.stable + 1);
    expect(fromFacts.result.body.returnees.received).toBe(before.result.body.returnees.received + 1);
    await h.reports.ctx.store.facts.countersRebuilt();
    const rebuilt = await summary();
    expect(rebuilt.calls.filter((c) => c.method === 'aggregate')).toEqual([]);
    expect(rebuilt.result.body).toEqual(fromFacts.result.body);
  });
});
