import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ferretdbBin, kafkaLibDir, repoRoot, versions } from './config';
import { has, requireCommand, run } from './prerequisites';
import { bytes, runStreaming, stage } from './progress';

type Say = (line: string) => void;

const UNIT: Record<string, number> = { B: 1, kB: 1024, KB: 1024, MB: 1024 * 1024, GB: 1024 * 1024 * 1024 };

/** Kafka's broker jars from Maven Central, copied into the version-keyed cache. */
export async function ensureKafkaJars(): Promise<void> {
  if (existsSync(join(kafkaLibDir, `kafka_2.13-${versions.kafka}.jar`))) return;
  requireCommand('java', 'install a Java 17+ runtime (Debian: apt-get install -y openjdk-17-jre-headless)');
  requireCommand('mvn', 'install Apache Maven (Debian: apt-get install -y maven)');
  const progress = stage(
    '[infra]',
    `Kafka ${versions.kafka}: lần đầu chạy — đang tải các tệp jar từ Maven Central (khoảng 1–3 phút) / ` +
      `first start — downloading the broker jars from Maven Central (about 1–3 minutes)…`,
  );
  const staging = `${kafkaLibDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  let artifacts = 0;
  let total = 0;
  // -B without -q: Maven prints one "Downloaded from central: <url> (6.3 MB at 2.1 MB/s)" per artifact
  const args = ['-B', '-f', join(repoRoot, 'infra/kafka/pom.xml'), 'package', `-Dkafka.version=${versions.kafka}`, `-Dlib.dir=${staging}`];
  try {
    await runStreaming('mvn', args, (line) => {
      const m = /Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|KB|MB|GB)/.exec(line);
      if (!m) return;
      artifacts += 1;
      total += Number(m[1]) * (UNIT[m[2]!] ?? 1);
      progress.update(`đã tải/downloaded ${artifacts} tệp/artifacts, ${bytes(total)}`);
    });
  } catch (error) {
    progress.fail();
    throw error;
  }
  mkdirSync(dirname(kafkaLibDir), { recursive: true });
  renameSync(staging, kafkaLibDir);
  progress.done(
    `Kafka ${versions.kafka}: ${readdirSync(kafkaLibDir).length} jar đã lưu / cached in ${kafkaLibDir} — ${artifacts} tệp/artifacts, ${bytes(total)}`,
  );
}

/** FerretDB built from the wrapper module in infra/ferretdb through the Go module proxy. */
export async function ensureFerretdb(): Promise<void> {
  if (existsSync(ferretdbBin)) return;
  requireCommand('go', 'install Go 1.22+ (https://go.dev/doc/install or Debian: apt-get install -y golang)');
  const cwd = join(repoRoot, 'infra/ferretdb');
  const env = { GOFLAGS: '-mod=mod' };
  const download = stage(
    '[infra]',
    `FerretDB ${versions.ferretdb}: lần đầu chạy — đang tải mã nguồn qua Go module proxy / ` +
      `first start — downloading the Go modules through the module proxy…`,
  );
  let modules = 0;
  try {
    // -x prints "# get <url>: 200 OK" for each file fetched; a module is its .zip
    await runStreaming(
      'go',
      ['mod', 'download', '-x'],
      (line) => {
        if (/^# get .*\.zip: 200 OK/.test(line)) download.update(`đã tải/downloaded ${++modules} module`);
      },
      { cwd, env },
    );
  } catch (error) {
    download.fail();
    throw error;
  }
  download.done(`FerretDB ${versions.ferretdb}: ${modules} module đã tải / modules downloaded`);
  const build = stage(
    '[infra]',
    `FerretDB ${versions.ferretdb}: đang biên dịch bằng Go (vài phút, chỉ lần đầu) / building with Go (a few minutes, first time only)…`,
  );
  mkdirSync(dirname(ferretdbBin), { recursive: true });
  const partial = `${ferretdbBin}.partial`;
  let packages = 0;
  try {
    // -v names each package as it is compiled
    await runStreaming(
      'go',
      ['build', '-v', '-trimpath', '-o', partial, '.'],
      (line) => {
        if (/^[\w.-]+(\/[\w.@+-]+)*$/.test(line.trim()) && line.trim()) build.update(`đã biên dịch/compiled ${++packages} gói/packages`);
      },
      { cwd, env },
    );
  } catch (error) {
    build.fail();
    throw error;
  }
  renameSync(partial, ferretdbBin);
  build.done(`FerretDB ${versions.ferretdb}: đã biên dịch / built ${ferretdbBin} — ${packages} gói/packages`);
}

/** redis-server from Debian's packages, installed when missing and we are root. */
export function ensureRedis(say: Say): void {
  if (!ensureDebianCommand('redis-server', 'redis-server', 'Redis 7, or set REDIS_URL', say)) return;
  // Debian's package starts its own daemon on 6379; ours is started by this script.
  if (has('service')) spawnQuiet('service', ['redis-server', 'stop']);
}

let aptUpdated = false;

/**
 * `command` from Debian's package `pkg`, installed when missing and we are root (apt-get update first, once a
 * process); true when it was installed now. Without apt-get or root: a clear error naming the package.
 */
export function ensureDebianCommand(command: string, pkg: string, what: string, say: Say): boolean {
  if (has(command)) return false;
  const isRoot = process.getuid?.() === 0;
  if (!has('apt-get') || !isRoot) requireCommand(command, `install ${what} (Debian/Ubuntu: sudo apt-get install -y ${pkg})`);
  say(`${command}: installing ${pkg} from Debian packages (first time only)…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) run('apt-get', ['update', '-qq'], { env });
  aptUpdated = true;
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env });
  say(`${command}: installed`);
  return true;
}

function spawnQuiet(command: string, args: string[]): void {
  try {
    run(command, args);
  } catch {
    /* best effort: no init system in containers */
  }
}
