import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jobPostedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { job, profile } from './support/fixtures';
import { spawnMatching, type SpawnedMatching } from './support/spawned-matching';

// the real start.ts as deployed (one process, MATCHING_FRONT_THREAD on by default), on real Kafka
const person = profile({ skills: ['welding'] });
const posted = job({ title: 'Thợ hàn — luồng tiếp nhận' });
let service: SpawnedMatching;

beforeAll(async () => {
  service = await spawnMatching({ MATCHING_INSTANCE_ID: 'front' });
  await service.publisher.publish(profilePublishedV1, person, person.returneeId, { correlationId: 'front-test' });
  await service.publisher.publish(jobPostedV1, posted, posted.jobId, { correlationId: 'front-test' });
}, 90_000);

afterAll(async () => {
  await service?.cleanUp();
});

describe('matching served from a front thread (MATCHING_FRONT_THREAD, the default)', () => {
  it('when a top-jobs read comes in, then the hot answer is written by the front thread, whole, with the headers express would give', async () => {
    const [up] = service.listening();
    expect(up).toMatchObject({ frontThread: true, instanceId: 'front' });
    const answer = await waitFor(
      'the job in the matches',
      async () => {
        const a = await service.get(`/returnees/${person.returneeId}/jobs`);
        return a.status === 200 && a.body.includes(posted.jobId) ? a : undefined;
      },
      60_000,
    );
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['server-timing']).toMatch(/^match;dur=\d+\.\d\d$/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const body = JSON.parse(answer.body) as { items: { jobId: string; title: string }[] };
    expect(body.items[0]).toMatchObject({ jobId: posted.jobId, title: 'Thợ hàn — luồng tiếp nhận' });
  });

  it('when a request is not a hot one, or is refused, then the full express stack answers it through the front thread', async () => {
    const anonymous = await service.get(`/returnees/${person.returneeId}/jobs`, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(anonymous.body).code).toBe('AUTH.TOKEN_MISSING');
    const invalid = await service.get(`/returnees/${person.returneeId}/jobs?limit=0`);
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).errors[0]).toMatchObject({ field: 'limit' });
    const status = await service.get('/status');
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({ instanceId: 'front', eventsApplied: 2 });
    expect((await service.get('/readyz', null)).status).toBe(200);
    // each request logged once, by the service's thread, with its status
    await waitFor(
      'the log lines',
      () => service.lines().some((l) => l.req?.path === `/returnees/${person.returneeId}/jobs` && l.res?.statusCode === 401),
      10_000,
    );
  });

  it('when the service gets SIGTERM, then the front stops, the last snapshot is written and the process exits 0', async () => {
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(existsSync(join(service.snapshotDir, 'front', 'snapshot.bin'))).toBe(true);
  });
});
