import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ferretdbBin, kafkaLibDir, repoRoot, versions } from './config';
import { has, requireCommand, run } from './prerequisites';

type Say = (line: string) => void;

/** Kafka's broker jars from Maven Central, copied into the version-keyed cache. */
export function ensureKafkaJars(say: Say): void {
  if (existsSync(join(kafkaLibDir, `kafka_2.13-${versions.kafka}.jar`))) return;
  requireCommand('java', 'install a Java 17+ runtime (Debian: apt-get install -y openjdk-17-jre-headless)');
  requireCommand('mvn', 'install Apache Maven (Debian: apt-get install -y maven)');
  say(`Kafka ${versions.kafka}: fetching the broker jars from Maven Central (first time only)…`);
  const staging = `${kafkaLibDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  run('mvn', ['-q', '-B', '-f', join(repoRoot, 'infra/kafka/pom.xml'), 'package', `-Dkafka.version=${versions.kafka}`, `-Dlib.dir=${staging}`]);
  mkdirSync(dirname(kafkaLibDir), { recursive: true });
  renameSync(staging, kafkaLibDir);
  say(`Kafka ${versions.kafka}: ${readdirSync(kafkaLibDir).length} jars cached in ${kafkaLibDir}`);
}

/** FerretDB built from the wrapper module in infra/ferretdb through the Go module proxy. */
export function ensureFerretdb(say: Say): void {
  if (existsSync(ferretdbBin)) return;
  requireCommand('go', 'install Go 1.22+ (https://go.dev/doc/install or Debian: apt-get install -y golang)');
  say(`FerretDB ${versions.ferretdb}: building from the Go module proxy (first time only, takes a few minutes)…`);
  mkdirSync(dirname(ferretdbBin), { recursive: true });
  const partial = `${ferretdbBin}.partial`;
  run('go', ['build', '-trimpath', '-o', partial, '.'], { cwd: join(repoRoot, 'infra/ferretdb'), env: { GOFLAGS: '-mod=mod' } });
  renameSync(partial, ferretdbBin);
  say(`FerretDB ${versions.ferretdb}: built ${ferretdbBin}`);
}

/** redis-server from Debian's packages, installed when missing and we are root. */
export function ensureRedis(say: Say): void {
  if (has('redis-server')) return;
  const isRoot = process.getuid?.() === 0;
  if (!has('apt-get') || !isRoot) {
    requireCommand('redis-server', 'install Redis 7 (Debian/Ubuntu: sudo apt-get install -y redis-server), or set REDIS_URL');
  }
  say('Redis: installing redis-server from Debian packages (first time only)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { env });
  // Debian's package starts its own daemon on 6379; ours is started by this script.
  if (has('service')) spawnQuiet('service', ['redis-server', 'stop']);
  say('Redis: installed');
}

function spawnQuiet(command: string, args: string[]): void {
  try {
    run(command, args);
  } catch {
    /* best effort: no init system in containers */
  }
}
