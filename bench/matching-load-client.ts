/**
 * The load generator of the matching benchmark, in a process of its own: autocannon with a small heap, so
 * that neither its garbage collection nor the benchmark's (which holds the whole synthetic country) pauses
 * the clock of requests in flight. Reads its orders as JSON on stdin; writes one newline when the counted
 * part starts, then its result as JSON.
 *
 * One autocannon run, warm-up then counted part, on the same 100 connections. Under load, Node accepts one
 * new connection per turn of its event loop, so when 100 connections open at once the last waits ~2.7 s
 * for its first answer (the same with a bare http server that only burns 0.5 ms per request). That is a
 * cost of opening connections, paid once; it is reported apart (`firstAnswers`), and the latencies counted
 * are those of requests sent after the warm-up, when every connection is open.
 */
import autocannon from 'autocannon';
import { Prng } from '../services/matching/src/synthetic/prng';
import { quantile } from './quantile';

export interface LoadOrders {
  url: string;
  targets: { path: string; token: string }[];
  connections: number;
  seconds: number;
  /** Before the counted part, on the same connections: opens them all and warms both sides' JIT. */
  warmupSeconds: number;
  timeoutSec: number;
  seed: number;
}

export interface LoadClientResult {
  /** Requests sent in the counted part (and answered before the end). */
  counted: number;
  latency: { p50: number; p90: number; p97_5: number; p99: number; p99_9: number; max: number };
  /** Over the whole run, warm-up included. */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The generator's own CPU per counted request: whether it, not the service, could limit the rate. */
  clientCpuUs: number;
  /** Per connection, the time to its first answer: p50 and max over the connections, in ms (warm-up). */
  firstAnswers: { p50: number; max: number };
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const orders = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadOrders;
  const g = new Prng(orders.seed);
  const latencies: number[] = [];
  const firstAnswers = new Map<unknown, number>();
  let counting = false;
  let countFrom = Infinity;
  let cpuBefore = process.cpuUsage();
  const warm = setTimeout(() => {
    counting = true;
    countFrom = Date.now();
    cpuBefore = process.cpuUsage();
    process.stdout.write('\n');
  }, orders.warmupSeconds * 1000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: orders.url,
        connections: orders.connections,
        duration: orders.warmupSeconds + orders.seconds,
        timeout: orders.timeoutSec,
        requests: [
          {
            setupRequest: (req) => {
              const target = orders.targets[g.int(orders.targets.length)]!;
              return { ...req, path: target.path, headers: { ...req.headers, authorization: `Bearer ${target.token}` } };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
      if (!firstAnswers.has(client)) firstAnswers.set(client, ms);
      // counted: requests sent once the warm-up is over
      if (counting && Date.now() - ms >= countFrom) latencies.push(ms);
    });
  });
  clearTimeout(warm);
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort(byValue);
  const firsts = [...firstAnswers.values()].sort(byValue);
  const loadResult: LoadClientResult = {
    counted: latencies.length,
    latency: {
      p50: ms(latencies, 0.5),
      p90: ms(latencies, 0.9),
      p97_5: ms(latencies, 0.975),
      p99: ms(latencies, 0.99),
      p99_9: ms(latencies, 0.999),
      max: ms(latencies, 1),
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    clientCpuUs: Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length)),
    firstAnswers: { p50: ms(firsts, 0.5), max: ms(firsts, 1) },
  };
  process.stdout.write(JSON.stringify(loadResult));
}

const byValue = (a: number, b: number) => a - b;
/** A quantile of ascending `sorted`, in whole ms (0 for none: the result goes out as JSON). */
const ms = (sorted: number[], q: number) => (sorted.length === 0 ? 0 : Math.round(quantile(sorted, q)));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
