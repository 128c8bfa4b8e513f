import { randomUUID } from 'node:crypto';
import {
  applicationStatusChangedV1,
  loanApplicationStatusChangedV1,
  returneeRegisteredV1,
  type ApplicationStatusChangedV1,
  type EventEnvelope,
  type LoanApplicationStatusChangedV1,
} from '@hoanhap/contracts';
import { buildEnvelope, newEvent } from '@hoanhap/events';
import { waitFor } from '@hoanhap/testing';
import { reportFactConsumers } from '../src/events/consumers/report-facts.consumer';
import { rebuildReadModel } from '../src/events/messaging';
import { startReports, type Harness } from './support/reports-harness';
import { A, B } from './support/scenario';

let h: Harness;
const summary = async () => (await h.get('admin', '/summary?provinceCode=40').expect(200)).body;

const register = (returneeId: string, communeCode: string) =>
  h.publish(returneeRegisteredV1, { returneeId, provinceCode: '40', communeCode, releaseKind: 'completed', releaseMonth: '2026-03', registeredAt: '2026-03-02T08:00:00.000Z' }, returneeId);

function hired(returneeId: string): ApplicationStatusChangedV1 {
  const applicationId = randomUUID();
  return { applicationId, referralId: randomUUID(), jobId: randomUUID(), employerOrgId: 'org-employer-1', returneeId, status: 'hired', employmentType: 'stable', startDate: '2026-04-01', at: '2026-04-01T08:00:00.000Z' };
}

beforeAll(async () => {
  h = await startReports({ messaging: true });
});
afterAll(() => h?.close());

describe('duplicate delivery', () => {
  it('when the same event is delivered three times and re-published under a new eventId, then it is counted once', async () => {
    const someone = randomUUID();
    await register(someone, A);
    const first = await h.publish(applicationStatusChangedV1, hired(someone), randomUUID());
    // Kafka at-least-once: the very same envelope again (a relay that crashed before marking it sent) …
    await h.publisher!.sendEnvelopes([first, first, first] as EventEnvelope[]);
    // … and the producer publishing the same change again with a fresh eventId
    await h.publish(applicationStatusChangedV1, first.payload, first.key);
    // one partition, read in order: once this later hire shows, every duplicate before it has been handled
    const sentinel = randomUUID();
    await register(sentinel, B);
    await h.publish(applicationStatusChangedV1, hired(sentinel), randomUUID());
    const after = await waitFor('the sentinel hire', async () => {
      const body = await summary();
      return body.rows.find((r: { communeCode: string }) => r.communeCode === B)?.stableWork === 1 && body;
    });
    expect(after.rows.find((r: { communeCode: string }) => r.communeCode === A).stableWork).toBe(1);
    expect(after.jobs.hires.stable).toBe(2);
  });

  it('when twenty handlers record the same loan at once on FerretDB, then its amount is counted once', async () => {
    const someone = randomUUID();
    await register(someone, A);
    await waitFor('the registration', async () => (await h.reports.ctx.store.places.placeOf(someone)) !== undefined);
    const payload: LoanApplicationStatusChangedV1 = {
      applicationId: randomUUID(), returneeId: someone, borrowerKind: 'individual', purpose: 'production',
      status: 'disbursed', amountVnd: 40_000_000, at: '2026-04-10T08:00:00.000Z',
    };
    const envelope = buildEnvelope(newEvent(loanApplicationStatusChangedV1, payload), payload.applicationId, { correlationId: 'concurrent' });
    const handler = reportFactConsumers(h.reports.ctx.store).find((c) => c.definition === loanApplicationStatusChangedV1)!;
    const context = { topic: 't', partition: 0, offset: '0', attempt: 1, heartbeat: async () => undefined };
    await Promise.all(Array.from({ length: 20 }, () => handler.handle(envelope as EventEnvelope, context)));
    const body = await summary();
    expect(body.loans.disbursed).toEqual({ count: 1, amountVnd: 40_000_000 });
    expect(body.total.amountDisbursedVnd).toBe(40_000_000);
    // into the topic too, so that the rebuild below has it (and the live consumer sees one more duplicate)
    await h.publish(loanApplicationStatusChangedV1, payload, payload.applicationId);
  });

  it('when the read model is rebuilt by replaying the topics, then the summary is the same', async () => {
    const before = await summary();
    const result = await rebuildReadModel(h.reports.ctx.store, { kafka: h.kafka!, connection: h.connection, topicPrefix: h.ns.topicPrefix, timeoutMs: 30_000 });
    expect(result.events).toBeGreaterThanOrEqual(10);
    const after = await summary();
    expect(after).toEqual(before);
    expect(after.jobs.hires.stable).toBe(2);
    expect(after.loans.disbursed).toEqual({ count: 1, amountVnd: 40_000_000 });
  });
});
