/**
 * Matching at national scale, end to end, on this machine:
 *
 *   npm run infra:up && npx tsx bench/matching.ts            # 250,000 returnees, 50,000 jobs, 5,000 cohorts
 *   npx tsx bench/matching.ts --small                        # smoke run, NOT the target: figures are labelled so
 *
 * Honest by construction: the synthetic dataset (deterministic seed) is published to the real Kafka topics
 * (own prefix) with a batch producer; the real service process rebuilds its model by consuming them; every
 * request picks its returnee or job at random from ≥ 10,000; no result cache exists; the full-scan
 * baseline (`?strategy=scan`, same rules, same exclusions, same heap) runs in the same process and run.
 * Freshness is timed from a POST at the real gateway in front of the real employers service (its outbox
 * relays the event), with the same probe publishing straight to Kafka beside it as the breakdown.
 * Topics, consumer groups and the snapshot folder are deleted at the end.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfilePublishedV1 } from '@hoanhap/contracts';
import { createTestIssuer } from '@hoanhap/auth';
import { createKafka, deleteGroupsByPrefix, deleteTopicsByPrefix, ensureTopics } from '@hoanhap/events';
import { isoOf, todayAt } from '../services/matching/src/domain/calendar';
import { MATCHING_EVENTS } from '../services/matching/src/events/matching-consumer';
import { Prng } from '../services/matching/src/synthetic/prng';
import { syntheticJob } from '../services/matching/src/synthetic/synthetic-offers';
import { syntheticProfile, syntheticRestrictions } from '../services/matching/src/synthetic/synthetic-returnees';
import { syntheticWorld } from '../services/matching/src/synthetic/synthetic-world';
import { eventCount, NATIONAL, publishDataset, SMALL } from './matching-dataset';
import { freshness, kafkaPoster, load, type Target } from './matching-load';
import { gatewayPoster, type PostingStack, registerEmployer, startPosting } from './matching-posting';
import { childPids, freshStatus, memoryMb, startService, type ServiceProcess } from './matching-service';
import { printReport, type Report } from './matching-report';

const small = process.argv.includes('--small');
const sizes = small ? SMALL : NATIONAL;
const SEED = 20_261_123;
const CONNECTIONS = 100;
/** The comparison run: the service as this many replicas (MATCHING_WORKERS) on the same cores. */
const REPLICAS = 2;
/** The employer whose fresh jobs the freshness probe posts (a verified organisation at the gateway). */
const FRESH_ORG = 'bench-fresh';
const seconds = small ? 8 : 30;
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  if (!small && (sizes.returnees < NATIONAL.returnees || sizes.jobs < NATIONAL.jobs)) throw new Error('refusing to report below national scale; use --small for a smoke run');
  const today = isoOf(todayAt(new Date(), 420));
  const world = syntheticWorld({ seed: SEED, today });
  const report: Report = { small, date: new Date().toISOString(), sizes, cores: cpus().length, loadBefore: loadavg()[0]!, rows: [] };
  const prefix = `bench.matching.${Date.now().toString(36)}.`;
  const kafka = createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'bench-matching' });
  const snapshotDir = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  const issuer = await createTestIssuer();
  const jwks = await issuer.serveJwks();
  const sign = (claims: Parameters<typeof issuer.sign>[0]) => issuer.sign(claims, { expiresInSec: 3 * 3600 });
  const admin = sign({ sub: 'bench-admin', role: 'admin' });
  let service: ServiceProcess | undefined;
  let posting: PostingStack | undefined;
  try {
    log(`${small ? 'SMALL SMOKE RUN (not the target)' : 'national scale'}: ${sizes.returnees} returnees, ${sizes.jobs} jobs, ${sizes.cohorts} cohorts`);
    await ensureTopics(kafka, MATCHING_EVENTS, { numPartitions: 3, replicationFactor: 1, topicPrefix: prefix });
    const published = await publishDataset(kafka, prefix, world, sizes, (sent) => log(`published ${sent}`));
    report.published = published;
    log(`published ${published.events} events in ${published.seconds.toFixed(1)} s`);

    const env = {
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: '3',
      MATCHING_INSTANCE_ID: 'bench',
      MATCHING_SNAPSHOT_DIR: snapshotDir,
      MATCHING_SNAPSHOT_INTERVAL_SECONDS: '60',
      MATCHING_ALLOW_SCAN: 'true',
      IDENTITY_JWKS_URL: jwks.url,
      JWT_ISSUER: issuer.issuer,
      JWT_AUDIENCE: issuer.audience,
      // the deployment settings the README gives: without the first V8 on a 24 GB machine lets garbage pile
      // up towards a 4 GB heap before collecting (the live model is ~150 MB of heap); the second lets the
      // garbage of answers die young instead of being promoted by scavenges
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=640 --max-semi-space-size=64`.trim(),
    };
    const spawned = Date.now();
    service = await startService(env, admin);
    const pid = service.child.pid!;
    let first = 0;
    for (;;) {
      const status = await service.status();
      if (!first && status.eventsApplied > 0) first = Date.now();
      if (status.eventsApplied >= eventCount(sizes)) break;
      await sleep(100);
    }
    const done = Date.now();
    report.replay = { events: eventCount(sizes), seconds: (done - first) / 1000, fromSpawn: (done - spawned) / 1000, memory: memoryMb(pid) };
    log(`replayed ${eventCount(sizes)} events in ${report.replay.seconds.toFixed(1)} s (${report.replay.fromSpawn.toFixed(1)} s from spawn); RSS ${report.replay.memory.rss} MB`);
    report.status = await service.status();

    const { returneeTargets, jobTargets, fresh } = targets(world, sizes, sign);
    log(`pools: ${returneeTargets.length} returnees, ${jobTargets.length} jobs (random pick per request)`);
    if (!small && (returneeTargets.length < 10_000 || jobTargets.length < 10_000)) throw new Error('pools below 10,000');
    report.jobs = await load(service.url, returneeTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid, seed: 2 });
    log(`jobs/index ${JSON.stringify(report.jobs)}`);
    report.jobsScan = await load(service.url, returneeTargets.map(scan), { connections: CONNECTIONS, seconds: Math.ceil(seconds / 2), warmupSeconds: 5, pid, seed: 3, timeoutSec: 60 });
    log(`jobs/scan ${JSON.stringify(report.jobsScan)}`);
    report.candidates = await load(service.url, jobTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid, seed: 5 });
    log(`candidates/index ${JSON.stringify(report.candidates)}`);
    report.candidatesScan = await load(service.url, jobTargets.map(scan), { connections: 10, seconds: Math.ceil(seconds / 2), warmupSeconds: 5, pid, seed: 6, timeoutSec: 120 });
    log(`candidates/scan ${JSON.stringify(report.candidatesScan)}`);
    const afterLoad = await service.status();
    report.afterLoad = { ...memoryMb(pid), heapUsed: Math.round(afterLoad.heapUsedBytes / 2 ** 20) };
    report.inService = afterLoad.matchTimings;

    const employerToken = sign({ sub: 'bench-fresh-employer', role: 'employer', orgId: FRESH_ORG });
    const probe = { perSecond: 50, seconds: small ? 5 : 20, employerToken };
    const [direct, viaGateway] = [fresh.slice(0, probe.perSecond * probe.seconds), fresh.slice(probe.perSecond * probe.seconds)];
    const toKafka = await kafkaPoster(kafka, prefix, freshJob);
    report.freshnessKafka = await freshness(service.url, direct, toKafka.post, probe).finally(() => toKafka.close());
    log(`freshness, Kafka direct ${JSON.stringify(report.freshnessKafka)}`);
    posting = await startPosting({ kafka, topicPrefix: prefix, matchingUrl: service.url, jwksUrl: jwks.url, issuer: issuer.issuer, audience: issuer.audience });
    await registerEmployer(posting.gatewayUrl, employerToken, admin, FRESH_ORG, viaGateway[0]!.profile.matching!.provinceCode);
    const atGateway = gatewayPoster(posting.gatewayUrl, employerToken, freshJob);
    // employers starts its outbox relay after /healthz (topics first): wait for a first job to come through,
    // then warm up (JIT, connections); neither is counted
    const through = await freshness(service.url, fresh.slice(-1), atGateway, { ...probe, perSecond: 1, seconds: 1, giveUpMs: 300_000 });
    if (through.missing + through.failed > 0) throw new Error('a job posted at the gateway did not reach matching in 5 minutes');
    // two seconds at the measured rate: the services' code paths compiled and hot, as in a service running for a while
    await freshness(service.url, fresh.slice(-99, -1), atGateway, { ...probe, perSecond: 50, seconds: 2 });
    report.freshness = await freshness(service.url, viaGateway, atGateway, probe);
    log(`freshness, at the gateway ${JSON.stringify(report.freshness)}`);
    await posting.stop();
    posting = undefined;

    const stopping = Date.now();
    await service.stop();
    const stopped = Date.now();
    service = await startService(env, admin);
    const restored = await service.status();
    report.restart = { stopSeconds: (stopped - stopping) / 1000, startSeconds: (Date.now() - stopped) / 1000, restoredFrom: restored.restoredFrom, eventsReplayed: restored.eventsApplied, memory: memoryMb(service.child.pid!) };
    log(`restart ${JSON.stringify(report.restart)}`);

    // the same process with one thread doing everything, HTTP included (MATCHING_FRONT_THREAD=false), from the
    // same snapshot: what the front thread brings, measured in this run
    await service.stop();
    service = await startService({ ...env, MATCHING_FRONT_THREAD: 'false' }, admin);
    const onePid = service.child.pid!;
    const oneJobs = await load(service.url, returneeTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid: onePid, seed: 9 });
    log(`one thread, jobs/index ${JSON.stringify(oneJobs)}`);
    const oneCandidates = await load(service.url, jobTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid: onePid, seed: 10 });
    log(`one thread, candidates/index ${JSON.stringify(oneCandidates)}`);
    report.oneThread = { jobs: oneJobs, candidates: oneCandidates };

    // the same service as replicas on this machine's cores (MATCHING_WORKERS), each rebuilding its own
    // model from Kafka; the same load, every request to whichever replica holds its connection
    await service.stop();
    const replicasSpawned = Date.now();
    service = await startService({ ...env, MATCHING_WORKERS: String(REPLICAS), MATCHING_INSTANCE_ID: 'bench-replicas' }, admin);
    const replicaPids = await replicasCaughtUp(service, admin);
    const replayed = { seconds: (Date.now() - replicasSpawned) / 1000, rss: replicaPids.reduce((sum, p) => sum + memoryMb(p).rss, 0) };
    log(`${REPLICAS} replicas (pids ${replicaPids.join(', ')}) replayed ${eventCount(sizes)} events each in ${replayed.seconds.toFixed(1)} s from spawn; RSS ${replayed.rss} MB together`);
    const replicaJobs = await load(service.url, returneeTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid: replicaPids, seed: 7 });
    log(`${REPLICAS} replicas, jobs/index ${JSON.stringify(replicaJobs)}`);
    const replicaCandidates = await load(service.url, jobTargets, { connections: CONNECTIONS, seconds, warmupSeconds: 5, pid: replicaPids, seed: 8 });
    log(`${REPLICAS} replicas, candidates/index ${JSON.stringify(replicaCandidates)}`);
    const peaks = replicaPids.map(memoryMb);
    report.replicas = { count: REPLICAS, replay: replayed, jobs: replicaJobs, candidates: replicaCandidates, rss: peaks.reduce((sum, m) => sum + m.rss, 0), peak: peaks.reduce((sum, m) => sum + m.peak, 0) };
  } finally {
    await posting?.stop();
    await service?.stop();
    await jwks.close();
    await deleteTopicsByPrefix(kafka, prefix).catch(() => undefined);
    await deleteGroupsByPrefix(kafka, prefix).catch(() => undefined);
    rmSync(snapshotDir, { recursive: true, force: true });
  }
  report.loadAfter = loadavg()[0]!;
  printReport(report);
}

const scan = (t: Target): Target => ({ ...t, path: `${t.path}&strategy=scan` });

/** The replicas' pids once each has applied every event of the dataset (asked on connections of their own). */
async function replicasCaughtUp(service: ServiceProcess, adminToken: string): Promise<number[]> {
  for (let i = 0; ; i++) {
    const pids = childPids(service.child.pid!);
    // twice as many connections as replicas: the round robin hands each replica at least one
    const statuses = pids.length === REPLICAS ? await Promise.all(Array.from({ length: 2 * REPLICAS }, () => freshStatus(service.url, adminToken))) : [];
    const caughtUp = new Set(statuses.filter((s) => s.eventsApplied >= eventCount(sizes)).map((s) => s.instanceId));
    if (caughtUp.size === REPLICAS) return pids;
    if (i > 1200) throw new Error('the replicas did not catch up in 4 minutes');
    await sleep(200);
  }
}

function targets(world: ReturnType<typeof syntheticWorld>, s: typeof sizes, sign: (claims: { sub: string; role: 'officer' | 'employer'; orgId?: string; provinceCode?: string }) => string) {
  const g = new Prng(SEED);
  const officer = new Map<string, string>();
  const officerOf = (provinceCode: string) => officer.get(provinceCode) ?? officer.set(provinceCode, sign({ sub: `officer-${provinceCode}`, role: 'officer', orgId: `police-${provinceCode}`, provinceCode })).get(provinceCode)!;
  const returneeTargets: Target[] = [];
  const fresh: { profile: ProfilePublishedV1; token: string }[] = [];
  const pool = Math.min(20_000, s.returnees);
  // people for the freshness probe, one fresh job each: Kafka direct, then at the gateway (20 s at 50/s
  // each), and a few for the gateway's warm-up
  const freshPool = 2_100;
  for (let k = 0; k < s.returnees && (returneeTargets.length < pool || fresh.length < freshPool); k++) {
    const i = (k * 7919 + g.int(7)) % s.returnees;
    const profile = syntheticProfile(world, i);
    if (!profile.matching) continue;
    const token = officerOf(profile.matching.provinceCode);
    if (returneeTargets.length < pool) returneeTargets.push({ path: `/returnees/${profile.returneeId}/jobs?limit=20`, token });
    const r = syntheticRestrictions(world, i);
    const free = r.bannedOccupations.length + r.bannedAreas.length === 0 && !r.supervisedCommune && !r.noStateAgencyWork;
    if (free && fresh.length < freshPool && profile.matching.skills.length > 0 && !profile.matching.needs.includes('health')) fresh.push({ profile, token });
  }
  const employer = new Map<string, string>();
  const jobTargets: Target[] = [];
  for (let k = 0; k < Math.min(20_000, s.jobs); k++) {
    const job = syntheticJob(world, (k * 7919) % s.jobs);
    const token = employer.get(job.employerOrgId) ?? employer.set(job.employerOrgId, sign({ sub: `employer-${job.employerOrgId}`, role: 'employer', orgId: job.employerOrgId })).get(job.employerOrgId)!;
    jobTargets.push({ path: `/jobs/${job.jobId}/candidates?limit=20`, token });
  }
  return { returneeTargets, jobTargets, fresh };
}

function freshJob(profile: ProfilePublishedV1, k: number) {
  const m = profile.matching!;
  return {
    jobId: randomUUID(),
    employerOrgId: FRESH_ORG,
    title: `Tin mới ${k}`,
    occupationCode: '9313',
    skills: [...m.skills],
    niceToHaveSkills: [],
    provinceCode: m.provinceCode,
    communeCode: m.communeCode,
    employmentType: 'stable' as const,
    openings: 1,
    filled: 0,
    wageMinVnd: 20_000_000,
    wageMaxVnd: 25_000_000,
    accommodation: true,
    stateAgency: false,
    status: 'open' as const,
    verifiedEmployer: true,
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    updatedAt: new Date().toISOString(),
  };
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
