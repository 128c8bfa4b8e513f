import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataDir, type Endpoints, ferretdbBin, kafkaLibDir, logDir, runDir, type ServerName } from './config';

interface Launch {
  command: string;
  args: string[];
  /** Seconds to wait for a real answer after start. */
  startTimeoutS: number;
}

function kafkaLaunch(ep: Endpoints): Launch {
  const dir = join(dataDir, 'kafka');
  mkdirSync(dir, { recursive: true });
  const { host, port } = ep.kafka;
  const controllerPort = port + 1;
  const props = join(dir, 'server.properties');
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@${host}:${controllerPort}`,
      `listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://${host}:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${join(dir, 'data')}`,
      'num.partitions=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'delete.topic.enable=true',
      'log.retention.hours=168',
      'num.network.threads=2',
      'num.io.threads=4',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'log4j.properties'),
    [
      'log4j.rootLogger=WARN, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka.server.KafkaServer=INFO',
      'log4j.logger.kafka.server.KafkaRaftServer=INFO',
      '',
    ].join('\n'),
  );
  const jvm = ['-Xms128m', '-Xmx512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true', `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`];
  const classpath = `${kafkaLibDir}/*`;
  if (!existsSync(join(dir, 'data', 'meta.properties'))) {
    const idFile = join(dir, 'cluster-id');
    // a base64url id may start with '-'; the = form keeps the argument parser from reading it as a flag
    if (!existsSync(idFile)) writeFileSync(idFile, randomBytes(16).toString('base64url').slice(0, 22));
    const format = spawnSync('java', [...jvm, '-cp', classpath, 'kafka.tools.StorageTool', 'format', `--cluster-id=${readFileSync(idFile, 'utf8').trim()}`, `--config=${props}`, '--ignore-formatted'], { encoding: 'utf8' });
    if (format.status !== 0) throw new Error(`Kafka storage format failed: ${format.stderr || format.stdout}`);
  }
  return { command: 'java', args: [...jvm, '-cp', classpath, 'kafka.Kafka', props], startTimeoutS: 90 };
}

function ferretdbLaunch(ep: Endpoints): Launch {
  const dir = join(dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  return {
    command: ferretdbBin,
    // WAL with synchronous=NORMAL: a killed process loses nothing (the WAL is written before the reply),
    // only an OS crash can lose the last commits; it makes single writes ~10× faster than fsync-per-commit.
    args: [`--listen-addr=${ep.mongo.host}:${ep.mongo.port}`, `--sqlite-url=file:${dir}/?_pragma=synchronous(NORMAL)`, '--log-level=error'],
    startTimeoutS: 30,
  };
}

function redisLaunch(ep: Endpoints): Launch {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  return {
    command: 'redis-server',
    args: ['--bind', ep.redis.host, '--port', String(ep.redis.port), '--dir', dir, '--save', '60 1000', '--stop-writes-on-bgsave-error', 'no', '--appendonly', 'no', '--daemonize', 'no'],
    startTimeoutS: 15,
  };
}

export const launchers: Record<ServerName, (ep: Endpoints) => Launch> = {
  kafka: kafkaLaunch,
  mongo: ferretdbLaunch,
  redis: redisLaunch,
};

const pidFile = (name: ServerName) => join(runDir, `${name}.pid`);
export const logFile = (name: ServerName) => join(logDir, `${name}.log`);

export function readPid(name: ServerName): number | undefined {
  if (!existsSync(pidFile(name))) return undefined;
  const pid = Number(readFileSync(pidFile(name), 'utf8'));
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the server detached from this process, its output appended to its log. */
export function startDetached(name: ServerName, launch: Launch): number {
  mkdirSync(logDir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  const out = openSync(logFile(name), 'a');
  const child = spawn(launch.command, launch.args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  if (!child.pid) throw new Error(`${name} could not be started (${launch.command})`);
  writeFileSync(pidFile(name), String(child.pid));
  return child.pid;
}

/** SIGTERM, then SIGKILL if it has not exited within the grace period. */
export async function stop(name: ServerName, graceMs = 20_000): Promise<boolean> {
  const pid = readPid(name);
  rmSync(pidFile(name), { force: true });
  if (!isAlive(pid)) return false;
  process.kill(pid!, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid!, 'SIGKILL');
  return true;
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number | undefined): number | undefined {
  if (!isAlive(pid)) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return undefined;
  }
}
