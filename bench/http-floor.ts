/**
 * What p99 any Node HTTP server reaches on this machine at the matching benchmark's load, as a function of
 * the CPU each answer costs: a bare `node:http` server answers a fixed 19 kB body (the size of a top-20
 * matching answer) after burning `--burn` µs of its own CPU time, and the matching benchmark's load
 * generator (matching-load.ts: wrk, 100 connections, after a 5 s warm-up) measures it.
 * `--workers=2` runs the same server as two processes sharing the port (node:cluster), as two replicas
 * of a service would share the machine.
 *
 *   npx tsx bench/http-floor.ts [--burn=0,150,300,450] [--workers=1,2] [--seconds=10]
 *
 * No infrastructure needed (run it with Kafka, FerretDB and Redis up to see what they cost the tail). It
 * says how much CPU per answer a latency target leaves: matching's own answers cost ~0.45–0.5 ms
 * (bench/RESULTS.md), and its p99 sits where this curve puts a server of that cost.
 *
 * The burn is CPU time (process.cpuUsage), not wall time: a server descheduled in the middle of an answer
 * still spends the whole burn on it, as real work would.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { load } from './matching-load';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const burns = arg('burn', '0,150,300,450').split(',').map(Number);
const workerCounts = arg('workers', '1').split(',').map(Number);
const seconds = Number(arg('seconds', '10'));

// the server: one fixed answer after `burn` µs of CPU; the primary prints its port, then each server's pid
const SERVER = `
const cluster = require('node:cluster');
const http = require('node:http');
const [burn, workers] = process.argv.slice(1).map(Number);
if (workers > 1 && cluster.isPrimary) {
  const server = require('node:net').createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => {
      const pids = [];
      for (let i = 0; i < workers; i++)
        cluster.fork({ FLOOR_PORT: port }).on('listening', function () {
          pids.push(this.process.pid);
          if (pids.length === workers) console.log([port, ...pids].join(' '));
        });
    });
  });
} else {
  const body = Buffer.alloc(19000, 97);
  const server = http.createServer((req, res) => {
    const started = process.cpuUsage();
    for (;;) {
      const used = process.cpuUsage(started);
      if (used.user + used.system >= burn) break;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.listen(Number(process.env.FLOOR_PORT ?? 0), '127.0.0.1', () => {
    if (cluster.isPrimary) console.log([server.address().port, process.pid].join(' '));
  });
}
`;

async function floor(burnUs: number, workers: number) {
  const server = spawn(process.execPath, ['-e', SERVER, String(burnUs), String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port, ...pids] = await new Promise<number[]>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim().split(' ').map(Number)));
    server.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  try {
    return await load(`http://127.0.0.1:${port}`, [{ path: '/', token: 'none' }], {
      connections: 100,
      seconds,
      warmupSeconds: 5,
      pid: pids,
      seed: 1,
    });
  } finally {
    server.kill();
  }
}

async function main(): Promise<void> {
  console.log(
    `HTTP floor — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}; 100 connections, ${seconds} s counted after 5 s warm-up, 19 kB answers\n`,
  );
  console.log(
    '| processes | CPU burnt per answer | req/s | p50 | p97.5 | p99 | server CPU per answer (all of it) | load generator CPU per answer |\n|---|---|---|---|---|---|---|---|',
  );
  for (const workers of workerCounts) {
    for (const burn of burns) {
      const r = await floor(burn, workers);
      console.log(
        `| ${workers} | ${burn} µs | ${r.rps.toLocaleString('en-US')} | ${r.p50} ms | ${r.p97_5} ms | ${r.p99} ms | ${r.cpuUs} µs | ${r.clientCpuUs} µs |`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
