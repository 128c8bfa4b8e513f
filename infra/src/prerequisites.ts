import { spawnSync } from 'node:child_process';

export class MissingPrerequisite extends Error {}

export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** One clear line per missing tool instead of a stack trace. */
export function requireCommand(command: string, hint: string): void {
  if (!has(command)) throw new MissingPrerequisite(`'${command}' was not found: ${hint}`);
}

/** Runs a command, streaming its output into the caller's log; throws with its tail on failure. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${tail}`);
  }
}
