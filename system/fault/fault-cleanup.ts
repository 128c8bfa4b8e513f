/**
 * After a run, its databases and topics go: the private servers outlive runs,
 * and every run's leftovers made the next one slower — a Kafka broker SIGKILLed
 * recovers every partition on disk before it answers (114 more per run), and
 * FerretDB's wrapper revisits every database file.
 */
import { mongo } from 'mongoose';
import { createKafka, deleteTopicsByPrefix } from '@hoanhap/events';
import { createLogger } from '@hoanhap/kit';

export async function dropRun(namespace: string, mongoUrl: string, kafkaBrokers: string): Promise<string> {
  const client = await mongo.MongoClient.connect(mongoUrl);
  let databases = 0;
  try {
    const { databases: all } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of all.filter((d) => d.name.startsWith(`${namespace}_`))) {
      await client.db(name).dropDatabase();
      databases++;
    }
  } finally {
    await client.close();
  }
  const kafka = createKafka({
    brokers: [kafkaBrokers],
    clientId: `${namespace}-cleanup`,
    logger: createLogger({ name: 'fault', level: 'silent' }),
  });
  const topics = await deleteTopicsByPrefix(kafka, `${namespace}.`);
  return `${databases} databases and ${topics.length} topics of ${namespace} dropped`;
}
