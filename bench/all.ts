/**
 * npm run bench [-- --quick] [-- --only outbox,gateway,ferretdb,reports,memory,matching]
 *
 * Runs every benchmark one after the other (never two at once: they would measure each other), each as
 * its own process writing its figures as JSON (`--json <file>`) and its full output to .data/bench/<name>.log,
 * then writes bench/RESULTS.md: each figure beside its ARCHITECTURE §8 target, met or not, with the
 * machine's cores, load and date. `--quick` runs the matching bench with `--small` (a smoke run, marked
 * so in the table) and shortens the others; a quick table proves the wiring, not the targets.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { stage } from '../infra/src/progress';
import { ferretdbRows, gatewayRows, markdown, matchingRows, memoryRows, outboxRows, reportsRows, type Row } from './results-table';

const root = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const only = process.argv.includes('--only') && onlyArg ? onlyArg.split(',') : undefined;
const logDir = join(root, '.data', 'bench');
/** A bench still running after this is stopped and reported as failed (a busy shared machine can stall one). */
const timeoutMin = Number(process.env.BENCH_TIMEOUT_MIN ?? (quick ? 10 : 45));

interface Bench {
  name: string;
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  rows: (json: unknown) => Row[];
}

const benches: Bench[] = [
  {
    name: 'outbox',
    file: 'outbox-latency.ts',
    args: [],
    env: quick ? { BENCH_SECONDS: '8', BENCH_BACKLOG: '1000' } : {},
    rows: outboxRows,
  },
  { name: 'gateway', file: 'gateway-throughput.ts', args: quick ? ['--rounds=4', '--duration=3'] : [], env: {}, rows: gatewayRows },
  { name: 'ferretdb', file: 'ferretdb-rates.ts', args: [], env: quick ? { BENCH_N: '1000' } : {}, rows: ferretdbRows },
  { name: 'reports', file: 'reports-figures.ts', args: quick ? ['--facts=10000'] : [], env: {}, rows: reportsRows },
  { name: 'memory', file: 'rest-memory.ts', args: quick ? ['--idle-seconds=5'] : [], env: {}, rows: memoryRows },
  { name: 'matching', file: 'matching.ts', args: quick ? ['--small'] : [], env: {}, rows: matchingRows },
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Runs one bench; resolves with its exit code, its JSON (if written) and the last line it printed. */
function run(bench: Bench): Promise<{ code: number | string; json?: unknown; last: string }> {
  const jsonFile = join(logDir, `${bench.name}.json`);
  rmSync(jsonFile, { force: true });
  const log = createWriteStream(join(logDir, `${bench.name}.log`));
  const progress = stage('[bench]', `${bench.name}: bench/${bench.file} ${bench.args.join(' ')} — log .data/bench/${bench.name}.log`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, bench.file), ...bench.args, '--json', jsonFile], {
      cwd: root,
      env: { ...process.env, ...bench.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '';
    const timer = setTimeout(() => {
      last = `stopped after ${timeoutMin} min (BENCH_TIMEOUT_MIN)`;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }, timeoutMin * 60_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // the line that says why, when it fails: the last error line, else the last line
      const said =
        lines.filter((l) => /error|failed|stopped after/i.test(l)).pop() ??
        (/^[{}()[\],]*$/.test(lines.at(-1) ?? '') ? undefined : lines.at(-1));
      if (said && !last.startsWith('stopped after')) last = said.slice(0, 160);
      progress.update(last);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (exitCode, signal) => {
      const code = exitCode ?? (signal ? `${signal}` : 1);
      clearTimeout(timer);
      log.end();
      const json = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as unknown) : undefined;
      progress.done(`${bench.name}: ${code === 0 ? 'xong / done' : `kết thúc với mã / exited with ${code}`}`);
      resolve({ code, json, last });
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  const started = new Date();
  const loadBefore = load();
  const rows: Row[] = [];
  for (const bench of benches.filter((b) => !only || only.includes(b.name))) {
    const { code, json, last } = await run(bench);
    if (json) rows.push(...bench.rows(json));
    if (!json)
      rows.push({
        bench: bench.name,
        measure: `bench/${bench.file}`,
        target: 'completes',
        result: `FAILED (exit ${code}): ${last}`,
        ratio: '—',
        met: false,
      });
  }
  const loadAfter = load();
  const met = rows.filter((r) => r.met === true).length;
  const notMet = rows.filter((r) => r.met === false);
  const text = [
    `# Benchmark results / Kết quả đo hiệu năng`,
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC` +
      ` (${Math.round((Date.now() - started.getTime()) / 60_000)} min). Targets: ARCHITECTURE §8.`,
    quick
      ? '\n**Quick run**: matching ran with `--small` (a smoke run, not national scale) and the other benches were shortened; the figures prove the wiring, not the targets.\n'
      : '',
    `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`,
    `- Load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after — the machine is shared (Kafka, FerretDB, Redis and other work run beside the benches)`,
    `- ${met} met, ${notMet.length} not met, ${rows.length - met - notMet.length} for context; each bench's full output is in .data/bench/<name>.log`,
    '',
    markdown(rows),
    '',
    notMet.length
      ? `Not met: ${notMet.map((r) => `${r.bench} — ${r.measure.trim()} (${r.result})`).join('; ')}.`
      : 'Every target with a figure in this run is met.',
    '',
  ].join('\n');
  writeFileSync(join(__dirname, 'RESULTS.md'), text);
  console.log(`\n${markdown(rows)}\n\n[bench] bench/RESULTS.md: ${met} đạt/met, ${notMet.length} chưa đạt/not met`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
