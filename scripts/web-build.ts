/**
 * The web app the gateway serves at `/` is `web/dist`: `npm start` builds it when it is missing or older than
 * its sources (a fresh clone has none), with a progress line, so the URL it prints opens the application.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { stage } from '../infra/src/progress';

const SOURCES = ['src', 'index.html', 'package.json', 'vite.config.ts', 'public'];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), stat.mtimeMs);
}

/** True when `web/dist` is missing or older than any of its sources. */
export function webBuildNeeded(root: string): boolean {
  const built = join(root, 'web', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(...SOURCES.map((source) => newest(join(root, 'web', source))));
  return sources > statSync(built).mtimeMs;
}

/** Builds the web app if needed; a failed build is reported, not fatal (the API works without it). */
export async function ensureWebBuilt(root: string, say: (line: string) => void): Promise<void> {
  if (!webBuildNeeded(root)) return;
  const progress = stage('[start]', 'Đang dựng giao diện web (web/dist) / building the web app…');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    // the web workspace's own build (its translation check, then vite)
    const child = spawn('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      const lines = String(chunk)
        .split('\n')
        .filter((line) => line.trim());
      output.push(...lines);
      const last = lines.at(-1);
      if (last) progress.update(stripVTControlCharacters(last).slice(0, 80));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', resolve);
    child.on('error', () => resolve(null));
  });
  if (code === 0) return progress.done('giao diện web đã dựng / web app built');
  progress.fail();
  say(`không dựng được giao diện web / the web build failed (API still up): ${output.slice(-5).join(' | ')} — npm run build:web`);
}
