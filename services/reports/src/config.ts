import { type Config, field, loadConfig, kafkaFields, storeFields, verifierFields } from '@hoanhap/kit';

/** Every key with its environment variable and default; checked at boot, all mistakes listed at once. */
export const configSpec = {
  port: field.port('PORT', 8087),
  ...storeFields('reports'),
  ...kafkaFields(),
  ...verifierFields(),
};

export type ReportsConfig = Config<typeof configSpec>;

export const loadReportsConfig = (env: NodeJS.ProcessEnv = process.env): ReportsConfig => loadConfig(configSpec, env);
