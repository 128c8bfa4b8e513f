/**
 * Memory at rest (ARCHITECTURE §8: each service ≤ 200 MB RSS at rest): the whole stack as `npm start` runs it
 * (every service and the gateway, each its own process, on the real Kafka, FerretDB and Redis, in a namespace of
 * its own), used once by each demo role, then left idle; each process's resident set is read from its own
 * `/metrics` (prom-client's process_resident_memory_bytes) a few times, and the highest reading is reported.
 *
 *   npx tsx bench/rest-memory.ts [--idle-seconds=20] [--json <file>]
 *
 * Needs the infrastructure (`npm run infra:up`). Matching holds only the demo's data here; its national-scale
 * memory is bench/matching.ts's figure.
 */
import { loadavg } from 'node:os';
import { startSystem, type Client } from '../system/src';
import { writeJson } from './bench-json';

const TARGET_MB = 200;
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const idleSeconds = Number(arg('idle-seconds', '20'));
const SAMPLES = 3;

/** One read of each demo role's first screen, so each service has loaded and run the code it answers with. */
const USE: Record<string, string[]> = {
  'officer@demo.vn': ['/auth/me', '/api/cases/returnees?limit=20', '/api/cases/referrals?limit=20', '/api/reports/summary'],
  'employer@demo.vn': ['/api/employers/jobs', '/api/employers/applications', '/api/employers/dashboard'],
  'college@demo.vn': ['/api/colleges/courses'],
  'bank@demo.vn': ['/api/loans/applications?limit=20'],
  'admin@demo.vn': ['/api/identity/organisations?limit=20', '/api/identity/users?limit=20'],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** process_resident_memory_bytes of the process behind `url`, in MB; NaN when it does not say. */
async function residentMb(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );
  const bytes = Number(/^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text)?.[1]);
  return bytes / 2 ** 20;
}

async function main(): Promise<void> {
  console.log(
    `Memory at rest — load average ${loadavg()[0]!.toFixed(2)}; the whole stack, one use per demo role, then ${idleSeconds} s idle\n`,
  );
  const system = await startSystem({ label: 'rest-memory' });
  try {
    let answered = 0;
    let asked = 0;
    for (const [email, paths] of Object.entries(USE)) {
      const client: Client = await system.login(email);
      for (const path of paths) {
        asked += 1;
        const { status } = await client.get(path);
        if (status < 400) answered += 1;
        else console.log(`${email} GET ${path}: ${status}`);
      }
    }
    await sleep(idleSeconds * 1000);
    const names = Object.keys(system.stack.urls);
    const peak = new Map(names.map((name) => [name, Number.NaN]));
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      if (sample > 0) await sleep(2_000);
      for (const name of names) {
        const mb = await residentMb(system.stack.urls[name]!);
        if (Number.isFinite(mb)) peak.set(name, Math.max(mb, peak.get(name)! || 0));
      }
    }
    const rows = names.map((name) => ({ name, rssMb: Math.round(peak.get(name)! * 10) / 10 }));
    console.log('| process | RSS at rest | target | met? |\n|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${Number.isFinite(r.rssMb) ? `${r.rssMb} MB` : 'n/a'} | ≤ ${TARGET_MB} MB | ${r.rssMb <= TARGET_MB ? '✅' : '❌'} |`,
      );
    console.log(`\n${answered} of ${asked} first-screen reads answered below 400 before the idle wait`);
    writeJson({ targetMb: TARGET_MB, idleSeconds, answered, asked, processes: rows });
    if (rows.some((r) => !Number.isFinite(r.rssMb))) throw new Error('a process did not say its resident memory on /metrics');
  } finally {
    await system.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
