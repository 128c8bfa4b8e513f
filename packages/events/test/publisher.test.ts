import { randomUUID } from 'node:crypto';
import { eventCatalogue, jobPostedV1, type JobPostedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { type EventEnvelope } from '@hoanhap/contracts';
import { createConsumerRunner, createPublisher, onEvent, validateEvent, type Publisher } from '../src';
import { openTestInfra, type TestInfra } from './support/test-infra';

let infra: TestInfra;
let publisher: Publisher;

const job: JobPostedV1 = {
  jobId: randomUUID(),
  employerOrgId: 'org-1',
  status: 'open',
  title: 'Thợ hàn',
  occupationCode: '7212',
  skills: ['welding'],
  niceToHaveSkills: [],
  provinceCode: '40',
  communeCode: '16681',
  employmentType: 'stable',
  openings: 3,
  wageMinVnd: 7_000_000,
  wageMaxVnd: 9_000_000,
  filled: 0,
  accommodation: false,
  stateAgency: false,
  verifiedEmployer: true,
};

beforeAll(async () => {
  infra = await openTestInfra([jobPostedV1], 1);
  publisher = createPublisher({ kafka: infra.kafka, topicPrefix: infra.ns.topicPrefix });
  await publisher.connect();
});
afterAll(async () => {
  await publisher.disconnect();
  await infra.close();
});

describe('publisher and catalogue', () => {
  it('when the catalogue is read, then every topic follows <service>.<entity>.<event>.v<N>', () => {
    expect(eventCatalogue.map((d) => d.topic)).toContain('employers.job.posted.v1');
    for (const d of eventCatalogue) expect(d.topic).toMatch(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[0-9]+$/);
  });

  it('when a job.posted payload misses a field or has a bad code, then publish refuses it and nothing is sent', async () => {
    const trace = { correlationId: 'req-1' };
    const { title: _title, ...untitled } = job;
    await expect(publisher.publish(jobPostedV1, untitled as JobPostedV1, job.jobId, trace)).rejects.toMatchObject({
      code: 'EVENTS.INVALID_PAYLOAD',
    });
    await expect(publisher.publish(jobPostedV1, { ...job, occupationCode: '72' }, job.jobId, trace)).rejects.toMatchObject({
      code: 'EVENTS.INVALID_PAYLOAD',
    });
    await expect(publisher.publish(jobPostedV1, job, job.jobId, { correlationId: '' })).rejects.toMatchObject({
      code: 'EVENTS.CORRELATION_REQUIRED',
    });
  });

  it('when a valid job.posted is published, then a consumer receives the same envelope, keyed by the job id', async () => {
    const received: EventEnvelope<JobPostedV1>[] = [];
    const consumer = createConsumerRunner({
      kafka: infra.kafka,
      groupId: `${infra.ns.topicPrefix}jobs`,
      topicPrefix: infra.ns.topicPrefix,
      handlers: [onEvent(jobPostedV1, async (envelope) => void received.push(envelope))],
      logger: infra.logger,
    });
    await consumer.start();
    try {
      const sent = await publisher.publish(jobPostedV1, job, job.jobId, { correlationId: 'req-2', causationId: 'cmd-9' });
      await waitFor('the job.posted event', () => received.length === 1);
      expect(received[0]).toEqual(sent);
      expect(validateEvent(jobPostedV1, received[0])).toMatchObject({
        type: 'employers.job.posted',
        version: 1,
        key: job.jobId,
        producer: 'employers',
      });
    } finally {
      await consumer.stop();
    }
  });
});
