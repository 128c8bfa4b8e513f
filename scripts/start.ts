/**
 * npm start: the infrastructure is already up (the npm script runs `infra up`
 * first). Builds the web app if web/dist is missing or stale, starts every
 * service that exists and the gateway, waits until each
 * answers /healthz, prints the URL and the demo logins, restarts a crashed
 * service with backoff, and stops everything cleanly on Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stage } from '../infra/src/progress';
import { seedDemoProvince, summary } from './seed-demo-province';
import { repoRoot as root, startStack, type Stack } from './stack';
import { ensureWebBuilt } from './web-build';

const say = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  const started: { stack?: Stack } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: đang dừng các dịch vụ / stopping the services…`);
    await started.stack?.stop();
    if (!process.argv.includes('--keep-infra')) {
      execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'infra/src/cli.ts'), 'down'], {
        stdio: 'inherit',
      });
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // before the services: the URL printed below should open the application, and a fresh clone has no web/dist
  await ensureWebBuilt(root, say);
  const booting = Date.now();
  started.stack = await startStack({ say });
  const gateway = started.stack.gatewayUrl;
  say(`mọi dịch vụ đã sẵn sàng / every service is up (${((Date.now() - booting) / 1000).toFixed(0)}s)`);
  console.log(`
  Hòa Nhập đang chạy / is running: ${gateway}   (API docs: ${gateway}/docs)
  Tài khoản mẫu / demo logins (mật khẩu / password: demo1234):
    officer@demo.vn  employer@demo.vn  employer2@demo.vn  college@demo.vn  bank@demo.vn  bank2@demo.vn  admin@demo.vn
  Nhấn Ctrl-C để dừng / press Ctrl-C to stop. Logs: .data/logs/
`);
  // after the banner: the application is usable while the demo province fills in
  if (process.env.APP_ENV !== 'production' && !process.argv.includes('--no-seed')) await seedDemo(gateway);
}

/** The demo province; a failure is reported, never fatal: the application itself is up. */
async function seedDemo(gatewayUrl: string): Promise<void> {
  const progress = stage('[start]', 'Đang tạo dữ liệu tỉnh mẫu Nghệ An (lần sau bỏ qua) / seeding the demo province (a no-op next time)…');
  try {
    const result = await seedDemoProvince({ gatewayUrl, say: (line) => progress.update(line) });
    progress.done(summary(result));
  } catch (error) {
    progress.fail();
    say(`không tạo được dữ liệu mẫu / demo seed failed: ${error instanceof Error ? error.message : String(error)} — npm run seed:demo`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
