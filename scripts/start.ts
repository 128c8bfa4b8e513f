/**
 * npm start: the infrastructure is already up (the npm script runs `infra up`
 * first). Starts every service that exists and the gateway, waits until each
 * answers /healthz, prints the URL and the demo logins, restarts a crashed
 * service with backoff, and stops everything cleanly on Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot as root, startStack, type Stack } from './stack';

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

  started.stack = await startStack({ say });
  const gateway = started.stack.gatewayUrl;
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
