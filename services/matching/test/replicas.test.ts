import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jobPostedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { waitFor } from '@hoanhap/testing';
import { job, profile } from './support/fixtures';
import { spawnMatching, type Answer, type SpawnedMatching } from './support/spawned-matching';

// MATCHING_WORKERS=2: the real start.ts as a primary and two replicas sharing one port, on real Kafka
const person = profile({ skills: ['welding'] });
const posted = job({ title: 'Thợ hàn — hai bản sao' });
let service: SpawnedMatching;

const matchesFor = (returneeId: string) => service.get(`/returnees/${returneeId}/jobs`);
const servedMatches = (returneeId: string) =>
  service.lines().filter((l) => l.req?.path === `/returnees/${returneeId}/jobs` && l.res?.statusCode === 200);
const showsTheJob = (answer: Answer) => answer.status === 200 && answer.body.includes(posted.jobId);

beforeAll(async () => {
  service = await spawnMatching({ MATCHING_WORKERS: '2', MATCHING_INSTANCE_ID: 'replicas' }, 2);
  await service.publisher.publish(profilePublishedV1, person, person.returneeId, { correlationId: 'replicas-test' });
  await service.publisher.publish(jobPostedV1, posted, posted.jobId, { correlationId: 'replicas-test' });
}, 90_000);

afterAll(async () => {
  await service?.cleanUp();
});

describe('matching as replicas on one host (MATCHING_WORKERS)', () => {
  it('when the service runs two replicas, then each builds the whole model from Kafka under its own instance id and answers on the shared port', async () => {
    const up = service.listening();
    expect(up.map((l) => l.instanceId).sort()).toEqual(['replicas-r0', 'replicas-r1']);
    expect(new Set(up.map((l) => l.pid)).size).toBe(2);
    expect(up[0]!.port).toBe(up[1]!.port);
    // replicas listen through node:cluster: no front thread
    expect(up.map((l) => l.frontThread)).toEqual([false, false]);
    // the job reached each replica: every answer, from whichever replica, shows it
    await waitFor(
      'the job in the matches of every replica',
      async () => (await Promise.all([0, 1, 2, 3].map(() => matchesFor(person.returneeId)))).every(showsTheJob),
      60_000,
    );
    const answers = await Promise.all(Array.from({ length: 10 }, () => matchesFor(person.returneeId)));
    expect(answers.filter(showsTheJob)).toHaveLength(10);
    // /status says which replica answers: on connections of their own, both, each with the whole model
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => service.get('/status')))).map(
      (a) => JSON.parse(a.body) as { instanceId: string; eventsApplied: number },
    );
    expect([...new Set(statuses.map((s) => s.instanceId))].sort()).toEqual(['replicas-r0', 'replicas-r1']);
    for (const s of statuses) expect(s.eventsApplied).toBe(2);
    // and both replicas answered the matches (each logs the requests it serves)
    await waitFor('request log lines', () => servedMatches(person.returneeId).length >= 14, 10_000);
    const servedBy = new Set(servedMatches(person.returneeId).map((l) => l.pid));
    expect([...servedBy].sort()).toEqual(up.map((l) => l.pid).sort());
  });

  it('when a replica is killed, then the other keeps answering and the killed one is started again, rebuilt from Kafka', async () => {
    const [victim, survivor] = service.listening();
    process.kill(victim!.pid!, 'SIGKILL');
    await waitFor(
      'the primary to see it exit',
      () => service.lines().some((l) => l.msg === 'matching replica exited; starting it again'),
      10_000,
    );
    // while it is down, every request is served by the survivor
    const during = await Promise.all(Array.from({ length: 6 }, () => matchesFor(person.returneeId)));
    expect(during.filter(showsTheJob)).toHaveLength(6);
    const again = await waitFor(
      'the replica listening again',
      () => service.listening().find((l) => l.instanceId === victim!.instanceId && l.pid !== victim!.pid),
      60_000,
    );
    expect(again.pid).not.toBe(survivor!.pid);
    await waitFor(
      'the job in the matches of every replica',
      async () => (await Promise.all([0, 1, 2, 3].map(() => matchesFor(person.returneeId)))).every(showsTheJob),
      60_000,
    );
  });

  it('when the service gets SIGTERM, then every replica writes its last snapshot and the service exits 0', async () => {
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    for (const replica of ['replicas-r0', 'replicas-r1']) expect(existsSync(join(service.snapshotDir, replica, 'snapshot.bin'))).toBe(true);
  });
});
