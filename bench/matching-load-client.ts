/**
 * The load generator of the matching benchmark, in a process of its own: autocannon with a small heap, so
 * that neither its garbage collection nor the benchmark's (which holds the whole synthetic country) pauses
 * the clock of requests in flight. Reads its orders as JSON on stdin, prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';
import { Prng } from '../services/matching/src/synthetic/prng';

export interface LoadOrders {
  url: string;
  targets: { path: string; token: string }[];
  connections: number;
  seconds: number;
  timeoutSec: number;
  seed: number;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const orders = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadOrders;
  const g = new Prng(orders.seed);
  const result = await autocannon({
    url: orders.url,
    connections: orders.connections,
    duration: orders.seconds,
    timeout: orders.timeoutSec,
    requests: [
      {
        setupRequest: (req) => {
          const target = orders.targets[g.int(orders.targets.length)]!;
          return { ...req, path: target.path, headers: { ...req.headers, authorization: `Bearer ${target.token}` } };
        },
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
