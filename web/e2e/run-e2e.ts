/**
 * `npm run test:e2e` (root): builds web/, brings the infrastructure up (idempotent),
 * starts the whole stack in a namespace of its own (scripts/stack.ts via
 * system/src startSystem: a free block of ports, its own databases, topics and
 * Redis keys, rate limits lifted: one browser is one IP for every user), so it
 * runs beside `npm start` and in CI; runs the browser journeys with
 * playwright-core and Debian's chromium, saves a screenshot of each main page
 * under screenshots/web/ (git-ignored), stops the stack, and ends with
 * "N passed, N failed".
 *   --no-build        use the web/dist already built
 *   --only <pattern>  run the journeys whose name matches <pattern> (a regular expression: 'registers|axe')
 *   --gateway <url>   drive a stack already running there instead (e.g. http://127.0.0.1:8080)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSystem, type System } from '../../system/src';
import { launchBrowser, CHROMIUM } from './browser';
import { GATEWAY, SCREENSHOTS, useGateway, type Journey, type JourneyContext } from './helpers';
import { accessJourneys } from './journeys/access.journeys';
import { adminJourneys } from './journeys/admin.journeys';
import { bankJourneys } from './journeys/bank.journeys';
import { collegeJourneys } from './journeys/college.journeys';
import { employerJourneys } from './journeys/employer.journeys';
import { notificationJourneys } from './journeys/notification.journeys';
import { officerJourneys } from './journeys/officer.journeys';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const say = (line: string) => console.log(`[e2e] ${line}`);
/** A journey's whole budget: its own waits are generous (events can lag minutes on a loaded machine), this bounds the sum. */
const JOURNEY_TIMEOUT_MS = Number(process.env.E2E_JOURNEY_TIMEOUT_MS ?? 6 * 60_000);

/** Rejects when `work` takes longer than `ms`; the caller then closes the journey's pages, which ends its waits. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`took more than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

const journeys: Journey[] = [
  ...officerJourneys,
  ...employerJourneys,
  ...collegeJourneys,
  ...bankJourneys,
  ...notificationJourneys,
  ...adminJourneys,
  ...accessJourneys,
];

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  say(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
}

/** The stack's own namespace and ports, or the one named by --gateway. */
async function startOwnStack(): Promise<System | null> {
  const external = option('--gateway');
  if (external) {
    useGateway(external);
    say(`using the stack already running at ${external}`);
    return null;
  }
  execFileSync(process.execPath, [tsx, join(root, 'infra/src/cli.ts'), 'up'], { cwd: root, stdio: 'inherit' });
  say('starting the stack in its own namespace (a few minutes on a busy machine)');
  const started = Date.now();
  // a shared 2-core machine can take seconds per request: the gateway waits, as a patient user would; every answer
  // the journeys cause is checked against its service's spec (a mismatch is a 500 the journey sees, and is logged)
  const system = await startSystem({ label: 'e2e', env: { LOG_LEVEL: 'warn', UPSTREAM_TIMEOUT_MS: '60000', VALIDATE_RESPONSES: 'true' } });
  const stop = (signal: string) => {
    say(`${signal}: stopping the e2e stack`);
    void system.close().finally(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  useGateway(system.gatewayUrl);
  say(`stack ready at ${system.gatewayUrl} in ${Math.round((Date.now() - started) / 1000)} s`);
  return system;
}

/**
 * After a failed journey, the stack's logs (warnings and errors: it runs with LOG_LEVEL=warn) go beside the
 * screenshots, and each process's last lines are printed, so that a failure in CI says what the services saw.
 */
function keepLogs(logDir: string): void {
  const kept = join(SCREENSHOTS, 'logs');
  try {
    cpSync(logDir, kept, { recursive: true });
    for (const file of readdirSync(kept).filter((name) => name.endsWith('.log'))) {
      const lines = readFileSync(join(kept, file), 'utf8').trimEnd().split('\n').filter(Boolean);
      for (const line of lines.slice(-3)) say(`  ${file}: ${line.slice(0, 300)}`);
    }
    say(`the stack's logs: ${kept}`);
  } catch (error) {
    say(`the stack's logs could not be kept: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) {
    say('building web/');
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  }
  ensureChromium();
  const system = await startOwnStack();
  let passed = 0;
  let failed = 0;
  try {
    const page = await fetch(`${GATEWAY}/login`, { headers: { Accept: 'text/html' } }).then(
      (r) => r.text(),
      () => '',
    );
    if (!page.includes('<div id="root">'))
      throw new Error(`the gateway at ${GATEWAY} does not serve web/dist (was it started before the first build? restart it)`);
    const only = option('--only');
    const chosen = only ? new RegExp(only) : undefined;
    const { context, close } = await launchBrowser();
    const ctx: JourneyContext = { context, stamp: String(Date.now()).slice(-6), state: {} };
    try {
      for (const journey of journeys.filter((j) => !chosen || chosen.test(j.name))) {
        const started = Date.now();
        try {
          await within(journey.run(ctx), JOURNEY_TIMEOUT_MS);
          passed += 1;
          say(`✓ ${journey.name} (${Date.now() - started} ms)`);
        } catch (error) {
          failed += 1;
          // the first lines of Playwright's call log say which locator it waited for, the last ones why it kept waiting
          const lines = error instanceof Error ? error.message.split('\n') : [String(error)];
          const why = lines.length > 8 ? [...lines.slice(0, 4), '…', ...lines.filter((line) => /^\s+- /.test(line)).slice(-3)] : lines;
          say(`✗ ${journey.name}: ${why.join(' | ')}`);
          const evidence = join(SCREENSHOTS, `failed-${journey.name.replace(/\W+/g, '-')}`);
          await writeFile(`${evidence}.txt`, error instanceof Error ? (error.stack ?? error.message) : String(error)).catch(
            () => undefined,
          );
          for (const open of context.pages()) await open.screenshot({ path: `${evidence}.png`, fullPage: true }).catch(() => undefined);
        } finally {
          for (const open of context.pages()) await open.close().catch(() => undefined);
        }
      }
    } finally {
      await close();
    }
  } finally {
    if (system && failed > 0) keepLogs(system.stack.logDir);
    if (system) say('stopping the e2e stack');
    await system?.close();
  }
  say(`screenshots: ${SCREENSHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
