/**
 * `npm run test:e2e` (root): builds web/, starts the stack if the gateway does
 * not answer (infra up, then scripts/start.ts --keep-infra in the background),
 * runs the browser journeys with playwright-core and Debian's chromium, saves
 * a screenshot of each main page under screenshots/web/ (git-ignored), stops
 * what it started, and ends with "N passed, N failed".
 *   --no-build        use the web/dist already built
 *   --only <text>     run the journeys whose name contains <text>
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, CHROMIUM } from './browser';
import { GATEWAY, SCREENSHOTS, type Journey, type JourneyContext } from './helpers';
import { adminJourneys } from './journeys/admin.journeys';
import { bankJourneys } from './journeys/bank.journeys';
import { collegeJourneys } from './journeys/college.journeys';
import { employerJourneys } from './journeys/employer.journeys';
import { officerJourneys } from './journeys/officer.journeys';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const args = process.argv.slice(2);
const say = (line: string) => console.log(`[e2e] ${line}`);

const journeys: Journey[] = [...officerJourneys, ...employerJourneys, ...collegeJourneys, ...bankJourneys, ...adminJourneys];

async function answers(url: string): Promise<boolean> {
  return fetch(url).then((r) => r.ok, () => false);
}

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  say(`${CHROMIUM} is missing: apt-get install -y chromium`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

async function startStackIfNeeded(): Promise<ChildProcess | null> {
  if (await answers(`${GATEWAY}/healthz`)) {
    say(`using the stack already running at ${GATEWAY}`);
    return null;
  }
  say('starting the stack: infra up, then scripts/start.ts --keep-infra');
  execFileSync(process.execPath, [tsx, join(root, 'infra/src/cli.ts'), 'up'], { cwd: root, stdio: 'inherit' });
  // one browser is one IP making every call of several users: lift the per-IP and per-user limits for this run
  const child = spawn(process.execPath, [tsx, join(root, 'scripts/start.ts'), '--keep-infra'], {
    cwd: root,
    env: { ...process.env, RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_USER_PER_MINUTE: '100000' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  if (!(await waitFor(`${GATEWAY}/healthz`, 600_000))) throw new Error('the gateway did not answer /healthz within 10 minutes');
  return child;
}

async function stopStack(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  say('stopping the stack this run started');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) {
    say('building web/');
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  }
  ensureChromium();
  const stack = await startStackIfNeeded();
  let passed = 0;
  let failed = 0;
  try {
    const page = await fetch(`${GATEWAY}/login`, { headers: { Accept: 'text/html' } }).then((r) => r.text(), () => '');
    if (!page.includes('<div id="root">')) throw new Error(`the gateway at ${GATEWAY} does not serve web/dist (was it started before the first build? restart it)`);
    const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
    const { context, close } = await launchBrowser();
    const ctx: JourneyContext = { context, stamp: String(Date.now()).slice(-6), state: {} };
    try {
      for (const journey of journeys.filter((j) => !only || j.name.includes(only))) {
        const started = Date.now();
        try {
          await journey.run(ctx);
          passed += 1;
          say(`✓ ${journey.name} (${Date.now() - started} ms)`);
        } catch (error) {
          failed += 1;
          say(`✗ ${journey.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          for (const open of context.pages()) await open.screenshot({ path: join(SCREENSHOTS, `failed-${journey.name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
        } finally {
          for (const open of context.pages()) await open.close().catch(() => undefined);
        }
      }
    } finally {
      await close();
    }
  } finally {
    await stopStack(stack);
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
