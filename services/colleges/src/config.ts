import { type Config, field, loadConfig, kafkaFields, storeFields, verifierFields } from '@hoanhap/kit';

/** Every key has a default and an environment variable; legal figures are here too, with their source. */
export const configSpec = {
  port: field.port('PORT', 8084),
  ...storeFields('colleges'),
  ...kafkaFields(),
  ...verifierFields(),
  consumerGroup: field.string('KAFKA_CONSUMER_GROUP', 'colleges'),
  /** Decision 22/2023/QĐ-TTg Art. 5: a training loan is up to 4 million VND per month of the course. */
  trainingLoanMaxVndPerMonth: field.int('TRAINING_LOAN_MAX_VND_PER_MONTH', 4_000_000, { min: 0 }),
  trainingLoanEffectiveFrom: field.string('TRAINING_LOAN_EFFECTIVE_FROM', '2023-10-10', { pattern: /^\d{4}-\d{2}-\d{2}$/ }),
  /** Seconds a client is told to wait when it names something this service has not heard of yet. */
  notYetKnownRetryAfterSec: field.int('NOT_YET_KNOWN_RETRY_AFTER_SECONDS', 2, { min: 1, max: 300 }),
};

export type CollegesConfig = Config<typeof configSpec>;

export const loadCollegesConfig = (env: NodeJS.ProcessEnv = process.env): CollegesConfig => loadConfig(configSpec, env);
