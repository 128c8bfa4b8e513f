/**
 * A benchmark's figures as JSON for `npm run bench` (bench/all.ts): written to the file named by
 * `--json <file>` (or BENCH_JSON), nothing otherwise — each bench still prints its own tables.
 */
import { writeFileSync } from 'node:fs';

export function jsonTarget(): string | undefined {
  const i = process.argv.indexOf('--json');
  return i > 0 ? process.argv[i + 1] : process.env.BENCH_JSON || undefined;
}

export function writeJson(figures: object): void {
  const file = jsonTarget();
  if (file) writeFileSync(file, JSON.stringify(figures, null, 2));
}
