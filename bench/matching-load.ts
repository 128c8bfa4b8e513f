/**
 * Load for the matching benchmark: autocannon with 100 connections where every request picks its target
 * (a returnee or a job) at random from a pool of at least 10,000, so no cache of any kind could help; and
 * the freshness probe: jobs published at a steady rate, each polled until it shows in a returnee's top 20.
 */
import autocannon from 'autocannon';
import { jobPostedV1, type JobPostedV1, type ProfilePublishedV1 } from '@hoanhap/contracts';
import { createPublisher, type KafkaClient } from '@hoanhap/events';
import { Prng } from '../services/matching/src/synthetic/prng';
import { cpuSeconds } from './matching-service';

export interface Target {
  path: string;
  token: string;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Service CPU time per request, in microseconds (user + system). */
  cpuUs: number;
  /** Requests that got no answer within the timeout (counted, never hidden). */
  timeouts: number;
}

export async function load(url: string, targets: readonly Target[], options: { connections: number; seconds: number; pid: number; seed: number; timeoutSec?: number }): Promise<LoadResult> {
  const g = new Prng(options.seed);
  const cpuBefore = cpuSeconds(options.pid);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSec ?? 10,
    requests: [
      {
        setupRequest: (req) => {
          const target = targets[g.int(targets.length)]!;
          return { ...req, path: target.path, headers: { ...req.headers, authorization: `Bearer ${target.token}` } };
        },
      },
    ],
  });
  const cpu = cpuSeconds(options.pid) - cpuBefore;
  // a wrong answer is a failed benchmark; a slow one is a figure to report
  if (result.non2xx > 0 || result.errors > result.timeouts) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const requests = result.requests.total;
  return {
    requests,
    rps: Math.round(requests / options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    cpuUs: Math.round((cpu * 1e6) / Math.max(1, requests)),
    timeouts: result.timeouts,
  };
}

export interface FreshnessResult {
  posts: number;
  /** From the publish call. */
  p50: number;
  p99: number;
  max: number;
  /** From Kafka's acknowledgement of the publish: matching's own part (consume, apply, answer). */
  ackedP50: number;
  ackedP99: number;
  missing: number;
  /** Visible, but not in the person's top 20 (the job was made to rank first): should be 0. */
  notInTop20: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Posts `perSecond` jobs a second, each made for one person (their commune, all their skills, a high wage).
 * Visibility is probed cheaply — the job's candidates answer 409 NOT_YET_KNOWN until the event is applied,
 * every 20 ms (figures are up to 20 ms late) — so the probes do not load the service they measure; once
 * visible, one query checks that the job is in that person's top 20 (rankings are computed per query,
 * nothing is cached, so from then on every match sees it).
 */
export async function freshness(
  kafka: KafkaClient,
  topicPrefix: string,
  url: string,
  people: readonly { profile: ProfilePublishedV1; token: string }[],
  makeJob: (profile: ProfilePublishedV1, k: number) => JobPostedV1,
  options: { perSecond: number; seconds: number; employerToken: string },
): Promise<FreshnessResult> {
  const publisher = createPublisher({ kafka, topicPrefix });
  await publisher.connect();
  const posts = Math.min(people.length, options.perSecond * options.seconds);
  const latencies: number[] = [];
  const afterAck: number[] = [];
  let missing = 0;
  let notInTop20 = 0;
  const started = performance.now();
  const one = async (k: number) => {
    await sleep(Math.max(0, started + (k * 1000) / options.perSecond - performance.now()));
    const { profile, token } = people[k]!;
    const job = makeJob(profile, k);
    const t0 = performance.now();
    let acked = Infinity;
    const published = publisher.publish(jobPostedV1, job, job.jobId, { correlationId: `bench-freshness-${k}` }).then(() => (acked = performance.now()));
    while (performance.now() - t0 < 5_000) {
      const probe = await fetch(`${url}/jobs/${job.jobId}/candidates?limit=1`, { headers: { authorization: `Bearer ${options.employerToken}` } });
      await probe.arrayBuffer();
      if (probe.status === 200) {
        const seen = performance.now();
        await published;
        latencies.push(seen - t0);
        afterAck.push(Math.max(0, seen - acked));
        const res = await fetch(`${url}/returnees/${profile.returneeId}/jobs?limit=20`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { items: { jobId: string }[] };
        if (!body.items.some((i) => i.jobId === job.jobId)) notInTop20 += 1;
        return;
      }
      await sleep(20);
    }
    missing += 1;
    await published;
  };
  try {
    await Promise.all(Array.from({ length: posts }, (_v, k) => one(k)));
  } finally {
    await publisher.disconnect();
  }
  latencies.sort((a, b) => a - b);
  afterAck.sort((a, b) => a - b);
  return {
    posts,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(latencies.at(-1) ?? NaN),
    ackedP50: Math.round(percentile(afterAck, 0.5)),
    ackedP99: Math.round(percentile(afterAck, 0.99)),
    missing,
    notInTop20,
  };
}
