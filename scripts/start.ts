/**
 * npm start: the infrastructure is already up (the npm script runs `infra up`
 * first). Starts every service that exists and the gateway, waits until each
 * answers /healthz, prints the URL and the demo logins, restarts a crashed
 * service with backoff, and stops everything cleanly on Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSupervisor } from './supervisor';
import { topology } from './topology';

const root = join(__dirname, '..');
const say = (line: string) => console.log(`[start] ${line}`);

const present = topology.filter((spec) => existsSync(join(root, spec.dir, 'src', 'start.ts')));
const env: NodeJS.ProcessEnv = { ...process.env };
for (const spec of topology) env[spec.urlEnv] ??= `http://127.0.0.1:${spec.port}`;

async function healthy(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const supervisor = createSupervisor(root, env, say);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: đang dừng các dịch vụ / stopping the services…`);
    await supervisor.stopAll();
    if (!process.argv.includes('--keep-infra')) {
      execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'infra/src/cli.ts'), 'down'], { stdio: 'inherit' });
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (present.length === 0) say('chưa có dịch vụ nào / no service exists yet: only the infrastructure runs');
  for (const spec of present) {
    say(`${spec.name}: đang khởi động / starting on :${spec.port}…`);
    supervisor.start(spec);
    const up = await healthy(env[spec.urlEnv]!, 90_000);
    say(`${spec.name}: ${up ? 'sẵn sàng / ready' : 'chưa trả lời / not answering yet (see .data/logs)'} — ${env[spec.urlEnv]}`);
  }
  const gateway = env.GATEWAY_URL!;
  console.log(`
  Hòa Nhập đang chạy / is running: ${gateway}   (API docs: ${gateway}/docs)
  Tài khoản mẫu / demo logins (mật khẩu / password: demo1234):
    officer@demo.vn  employer@demo.vn  employer2@demo.vn  college@demo.vn  bank@demo.vn  bank2@demo.vn  admin@demo.vn
  Nhấn Ctrl-C để dừng / press Ctrl-C to stop. Logs: .data/logs/
`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
