/**
 * npm run infra:up | infra:down | infra:status | infra:reset | infra:fetch
 *
 * Runs Kafka (KRaft), FerretDB and Redis as native processes, with their data
 * and logs under .data/. A server whose URL is given in the environment
 * (KAFKA_BROKERS, MONGO_URL, REDIS_URL) belongs to someone else: it is checked,
 * never started or stopped.
 */
import { rmSync } from 'node:fs';
import { dataDir, endpoints, type ServerName } from './config';
import { ensureFerretdb, ensureKafkaJars, ensureRedis } from './fetch';
import { MissingPrerequisite } from './prerequisites';
import { stage } from './progress';
import { answers, portOpen, waitUntilAnswers } from './probes';
import { isAlive, launchers, logFile, readPid, rssMiB, startDetached, stop } from './servers';

const names: ServerName[] = ['redis', 'mongo', 'kafka'];
const label: Record<ServerName, string> = { kafka: 'Kafka', mongo: 'FerretDB', redis: 'Redis' };
const say = (line: string) => console.log(`[infra] ${line}`);

async function fetchAll(only: ServerName[] = names): Promise<void> {
  const ep = endpoints();
  if (only.includes('kafka') && !ep.kafka.external) await ensureKafkaJars();
  if (only.includes('mongo') && !ep.mongo.external) await ensureFerretdb();
  if (only.includes('redis') && !ep.redis.external) ensureRedis(say);
}

async function upOne(name: ServerName): Promise<void> {
  const ep = endpoints();
  const where = ep[name].url;
  if (ep[name].external) {
    await waitUntilAnswers(name, ep, 15_000, () => true);
    say(`${label[name]}: using ${where} (given in the environment; not managed here)`);
    return;
  }
  if (await portOpen(ep[name].host, ep[name].port)) {
    await waitUntilAnswers(name, ep, 60_000, () => true);
    say(`${label[name]}: already up at ${where}`);
    return;
  }
  const earlier = readPid(name);
  if (isAlive(earlier)) {
    // started by an earlier `up` and still starting (a JVM on a busy machine can take minutes): a second process on
    // the same data directory is the likely cause of the corrupt Kafka metadata log seen in the fault run: wait instead
    await waitUntilAnswers(name, ep, 300_000, () => isAlive(earlier));
    say(`${label[name]}: up at ${where} (pid ${earlier}, was still starting)`);
    return;
  }
  const launch = launchers[name](ep);
  const pid = startDetached(name, launch);
  const progress = stage('[infra]', `${label[name]}: đang khởi động / starting (pid ${pid})…`);
  await waitUntilAnswers(name, ep, launch.startTimeoutS * 1000, () => isAlive(pid)).catch((error: Error) => {
    progress.fail();
    throw new Error(`${error.message}\n  see the log: ${logFile(name)}`);
  });
  progress.done(`${label[name]}: up at ${where} — sẵn sàng (pid ${pid}) — log ${logFile(name)}`);
}

async function up(): Promise<void> {
  await fetchAll();
  for (const name of names) await upOne(name);
}

async function down(): Promise<void> {
  const ep = endpoints();
  for (const name of [...names].reverse()) {
    if (ep[name].external) continue;
    say(`${label[name]}: ${(await stop(name)) ? 'stopped' : 'was not running'}`);
  }
}

async function status(): Promise<boolean> {
  const ep = endpoints();
  let allUp = true;
  for (const name of names) {
    const pid = readPid(name);
    const ok = await answers(name, ep).then(
      () => true,
      () => false,
    );
    allUp &&= ok;
    const owner = ep[name].external ? 'external' : isAlive(pid) ? `pid ${pid}, RSS ${rssMiB(pid)} MiB` : 'not started here';
    say(`${label[name].padEnd(8)} ${ok ? 'up  ' : 'down'} ${ep[name].url} (${owner})`);
  }
  return allUp;
}

async function main(): Promise<number> {
  const command = process.argv[2] ?? 'status';
  switch (command) {
    case 'fetch':
      await fetchAll();
      return 0;
    case 'up':
      await up();
      say(`data and logs in ${dataDir}`);
      return 0;
    case 'down':
      await down();
      return 0;
    case 'status':
      return (await status()) ? 0 : 1;
    case 'reset':
      await down();
      rmSync(dataDir, { recursive: true, force: true });
      say(`wiped ${dataDir}`);
      return 0;
    default:
      console.error(`usage: infra (up|down|status|reset|fetch) — got '${command}'`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof MissingPrerequisite ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`[infra] ${message}`);
    process.exit(1);
  },
);
