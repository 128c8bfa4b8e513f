/**
 * Where the machine's CPU went during the window: each process of the run
 * (services, gateway, private servers, this load generator) and everything
 * else on the machine, read from /proc. On a shared machine this says whether
 * a low rate is the system's limit or its neighbours' load.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used (user + system), undefined when it is gone. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds the whole machine spent busy, all cores together. */
function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export interface CpuSnapshot {
  at: number;
  machine: number;
  byName: Map<string, { pid: number | undefined; seconds: number | undefined }>;
}

export function snapshot(pids: Record<string, number | undefined>): CpuSnapshot {
  const byName = new Map(Object.entries(pids).map(([name, pid]) => [name, { pid, seconds: cpuSecondsOf(pid) }]));
  return { at: Date.now(), machine: machineBusySeconds(), byName };
}

/** One line: CPU seconds per process between two snapshots (a process restarted in between counts from its restart). */
export function cpuReport(before: CpuSnapshot, after: CpuSnapshot): string {
  const wall = (after.at - before.at) / 1000;
  const cores = cpus().length;
  let ours = 0;
  const parts: string[] = [];
  for (const [name, end] of after.byName) {
    const start = before.byName.get(name);
    const restarted = start?.pid !== end.pid;
    const used = (end.seconds ?? 0) - (restarted ? 0 : (start?.seconds ?? 0));
    ours += used;
    parts.push(`${name} ${used.toFixed(0)}${restarted ? '*' : ''}`);
  }
  const machine = after.machine - before.machine;
  return (
    `CPU seconds over ${wall.toFixed(0)}s (${(wall * cores).toFixed(0)} on ${cores} cores): machine ${machine.toFixed(0)}, ` +
    `this run ${ours.toFixed(0)}, everything else ${(machine - ours).toFixed(0)}; ${parts.join(', ')} (* restarted)`
  );
}
