import { type Config, field, loadConfig, kafkaFields, storeFields, verifierFields } from '@hoanhap/kit';

/** Every key with its environment variable and default; checked at boot, all mistakes listed at once. */
export const configSpec = {
  port: field.port('PORT', 8082),
  ...storeFields('cases'),
  ...kafkaFields(),
  ...verifierFields(),
  referralStaleDays: field.int('REFERRAL_STALE_DAYS', 14, { min: 1, max: 365 }),
  referralTargetCheck: field.bool('REFERRAL_TARGET_CHECK', true),
  retryAfterSec: field.int('NOT_YET_KNOWN_RETRY_AFTER_SECONDS', 2, { min: 1, max: 600 }),
  consentFormVersion: field.string('CONSENT_FORM_VERSION', '2026-01'),
  importMaxRows: field.int('IMPORT_MAX_ROWS', 2000, { min: 1, max: 100_000 }),
  importMaxBytes: field.int('IMPORT_MAX_BYTES', 5 * 1024 * 1024, { min: 1024, max: 100 * 1024 * 1024 }),
};

export type CasesConfig = Config<typeof configSpec>;

export const loadCasesConfig = (env: NodeJS.ProcessEnv = process.env): CasesConfig => loadConfig(configSpec, env);
