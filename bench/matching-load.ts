/**
 * Load for the matching benchmark: wrk with 100 connections, in a process of its own
 * (matching-load-client.ts), where every request picks its target (a returnee or a job) at random from a pool
 * of at least 10,000, so no cache of any kind could help; and
 * the freshness probe: jobs posted at a steady rate (at the gateway, or straight to Kafka), each polled until
 * it shows in a returnee's top 20.
 */
import { request } from 'undici';
import { jobPostedV1, type JobPostedV1, type ProfilePublishedV1 } from '@hoanhap/contracts';
import { createPublisher, type KafkaClient } from '@hoanhap/events';
import { runLoad, type Latencies } from './matching-load-client';
import { cpuSeconds } from './matching-service';
import { quantile } from './quantile';

export interface Target {
  path: string;
  token: string;
}

export interface LoadResult extends Latencies {
  requests: number;
  rps: number;
  /** Service CPU time per request, in microseconds (user + system). */
  cpuUs: number;
  /** The load generator's CPU time per request (on the same 2 cores). */
  clientCpuUs: number;
  /** Requests that got no answer within the timeout (counted, never hidden). */
  timeouts: number;
}

/** `warmupSeconds` of the same load first, uncounted (see matching-load-client.ts). */
export async function load(
  url: string,
  targets: readonly Target[],
  options: {
    connections: number;
    seconds: number;
    warmupSeconds?: number;
    pid: number | readonly number[];
    seed: number;
    timeoutSec?: number;
  },
): Promise<LoadResult> {
  // the service's CPU: one process, or the sum over its worker processes
  const serviceCpu = () => [options.pid].flat().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let cpuBefore = serviceCpu();
  const orders = {
    url,
    targets: [...targets],
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds ?? 0,
    timeoutSec: options.timeoutSec ?? 10,
    seed: options.seed,
  };
  const result = await runLoad(orders, () => (cpuBefore = serviceCpu()));
  const cpu = serviceCpu() - cpuBefore;
  // a wrong answer is a failed benchmark; a slow one is a figure to report
  if (result.non2xx > 0 || result.errors > result.timeouts) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const requests = result.counted;
  return {
    requests,
    rps: Math.round(requests / options.seconds),
    ...result.latency,
    cpuUs: Math.round((cpu * 1e6) / Math.max(1, requests)),
    clientCpuUs: result.clientCpuUs,
    timeouts: result.timeouts,
  };
}

export interface FreshnessResult {
  posts: number;
  /** From just before the post (the gateway POST, or the Kafka publish call) until the job is visible. */
  p50: number;
  p99: number;
  max: number;
  /** The post itself: until the gateway's 201, or Kafka's acknowledgement. */
  postP50: number;
  postP99: number;
  /** From that answer until visible: outbox relay (gateway path), Kafka, matching's consumer and model. */
  ackedP50: number;
  ackedP99: number;
  missing: number;
  /** Posts the gateway answered with 502/503/504 (an upstream that did not answer in time): counted, never hidden. */
  failed: number;
  /** Visible, but not in the person's top 20 (the job was made to rank first): should be 0. */
  notInTop20: number;
}

/** Posts one job made for `profile`; resolves with the job's id once the poster has its answer (undefined: none in time). */
export type PostJob = (profile: ProfilePublishedV1, k: number) => Promise<string | undefined>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (values: number[], q: number) => Math.round(quantile(values, q));

/** Publishes `employers.job.posted.v1` straight to Kafka: the consumer and model's share of freshness. */
export async function kafkaPoster(
  kafka: KafkaClient,
  topicPrefix: string,
  makeJob: (profile: ProfilePublishedV1, k: number) => JobPostedV1,
) {
  const publisher = createPublisher({ kafka, topicPrefix });
  await publisher.connect();
  const post: PostJob = async (profile, k) => {
    const job = makeJob(profile, k);
    await publisher.publish(jobPostedV1, job, job.jobId, { correlationId: `bench-freshness-${k}` });
    return job.jobId;
  };
  return { post, close: () => publisher.disconnect() };
}

/**
 * Posts `perSecond` jobs a second, each made for one person (their commune, all their skills, a high wage),
 * timed from just before the post. Visibility is asked once per job, as an employer's screen does after
 * posting: `GET /jobs/{id}/candidates?waitMs=5000` is answered the moment the job's event is applied (a
 * 409 NOT_YET_KNOWN after 5 s is asked again). Polling every 20 ms instead cost more CPU than the posting
 * itself at 50 posts/s (the probe ~45% of a core, matching ~35% answering 409s on a 2-core machine) and
 * made every figure it measured worse. Once visible, one query checks that the job is in that person's
 * top 20 (rankings are computed per query, nothing is cached, so from then on every match sees it).
 */
export async function freshness(
  url: string,
  people: readonly { profile: ProfilePublishedV1; token: string }[],
  post: PostJob,
  options: { perSecond: number; seconds: number; employerToken: string; giveUpMs?: number },
): Promise<FreshnessResult> {
  const posts = Math.min(people.length, options.perSecond * options.seconds);
  const latencies: number[] = [];
  const posting: number[] = [];
  const afterAck: number[] = [];
  let missing = 0;
  let failed = 0;
  let notInTop20 = 0;
  const started = performance.now();
  const one = async (k: number) => {
    await sleep(Math.max(0, started + (k * 1000) / options.perSecond - performance.now()));
    const { profile, token } = people[k]!;
    const t0 = performance.now();
    const jobId = await post(profile, k);
    const acked = performance.now();
    if (jobId === undefined) return void (failed += 1);
    posting.push(acked - t0);
    while (performance.now() - t0 < (options.giveUpMs ?? 5_000)) {
      // undici's request, not fetch: the probe shares the 2 cores with what it measures, and fetch's WHATWG
      // streams cost it several times the CPU per call
      const probe = await request(`${url}/jobs/${jobId}/candidates?limit=1&waitMs=5000`, {
        headers: { authorization: `Bearer ${options.employerToken}` },
      });
      await probe.body.dump();
      if (probe.statusCode === 200) {
        const seen = performance.now();
        latencies.push(seen - t0);
        afterAck.push(seen - acked);
        const res = await request(`${url}/returnees/${profile.returneeId}/jobs?limit=20`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await res.body.json()) as { items: { jobId: string }[] };
        if (!body.items.some((i) => i.jobId === jobId)) notInTop20 += 1;
        return;
      }
      await sleep(20);
    }
    missing += 1;
  };
  await Promise.all(Array.from({ length: posts }, (_v, k) => one(k)));
  for (const list of [latencies, posting, afterAck]) list.sort((a, b) => a - b);
  return {
    posts,
    p50: ms(latencies, 0.5),
    p99: ms(latencies, 0.99),
    max: Math.round(latencies.at(-1) ?? NaN),
    postP50: ms(posting, 0.5),
    postP99: ms(posting, 0.99),
    ackedP50: ms(afterAck, 0.5),
    ackedP99: ms(afterAck, 0.99),
    missing,
    failed,
    notInTop20,
  };
}
