/**
 * What p99 any Node HTTP server reaches on this machine at the matching benchmark's load, as a function of
 * the CPU each answer costs: a bare `node:http` server in its own process answers a fixed 19 kB body (the
 * size of a top-20 matching answer) after burning `--burn` µs of CPU, and the matching benchmark's load
 * generator (matching-load.ts: 100 connections, 5 s warm-up on the same connections) measures it.
 *
 *   npx tsx bench/http-floor.ts [--burn=0,100,200,300,500] [--seconds=10]
 *
 * No infrastructure needed. It says how much CPU per answer a latency target leaves: matching's own answers
 * cost ~0.5 ms (bench/RESULTS.md), and its p99 sits where this curve puts a 0.5 ms server.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { load } from './matching-load';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const burns = arg('burn', '0,100,200,300,500').split(',').map(Number);
const seconds = Number(arg('seconds', '10'));

// the server: one fixed answer after a busy loop of `burn` µs; it prints its port once listening
const SERVER = `
const http = require('node:http');
const body = Buffer.alloc(19000, 97);
const burn = BigInt(Number(process.argv[1]) * 1000);
const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  while (process.hrtime.bigint() - started < burn);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function floor(burnUs: number) {
  const server = spawn(process.execPath, ['-e', SERVER, String(burnUs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    server.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  try {
    return await load(`http://127.0.0.1:${port}`, [{ path: '/', token: 'none' }], {
      connections: 100,
      seconds,
      warmupSeconds: 5,
      pid: server.pid!,
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
  console.log('| CPU burnt per answer | req/s | p50 | p97.5 | p99 | service CPU per answer (all of it) |\n|---|---|---|---|---|---|');
  for (const burn of burns) {
    const r = await floor(burn);
    console.log(`| ${burn} µs | ${r.rps.toLocaleString('en-US')} | ${r.p50} ms | ${r.p97_5} ms | ${r.p99} ms | ${r.cpuUs} µs |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
