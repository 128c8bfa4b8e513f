import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, type ConfigField, field, loadConfig, kafkaFields, storeFields, verifierFields } from '@hoanhap/kit';
import { CREDIT_POLICIES } from './domain/policy/credit-policies';
import type { CreditPolicy } from './domain/policy/credit-policy.types';

/** <repo>/.data/loans: git-ignored, beside the other services' data. */
const DEFAULT_DATA_DIR = join(__dirname, '..', '..', '..', '.data', 'loans');

/** `{"40": "<bank branch orgId>"}`: the VBSP branch that reviews applications from a province. */
const branchMap = (env: string): ConfigField<Record<string, string>> => ({
  env,
  default: {},
  parse: (raw) => {
    const value = JSON.parse(raw) as unknown;
    const ok = value && typeof value === 'object' && !Array.isArray(value) && Object.entries(value).every(([k, v]) => /^\d{2}$/.test(k) && typeof v === 'string' && v.length > 0);
    if (!ok) throw new Error('must be a JSON object of 2-digit province codes to branch organisation ids');
    return value as Record<string, string>;
  },
});

export const configSpec = {
  port: field.port('PORT', 8085),
  ...storeFields('loans'),
  ...kafkaFields(6),
  ...verifierFields(),
  dataDir: field.string('LOANS_DATA_DIR', DEFAULT_DATA_DIR),
  maxDocumentBytes: field.int('LOANS_MAX_DOCUMENT_BYTES', 5 * 1024 * 1024, { min: 1024, max: 50 * 1024 * 1024 }),
  branchByProvince: branchMap('LOANS_BRANCH_BY_PROVINCE'),
  policyFile: field.string('LOANS_POLICY_FILE', ''),
  retryAfterSec: field.int('LOANS_RETRY_AFTER_SECONDS', 2, { min: 1, max: 300 }),
  overdueSweepSec: field.int('LOANS_OVERDUE_SWEEP_SECONDS', 3600, { min: 5, max: 86_400 }),
};

export type LoansConfig = Config<typeof configSpec>;

export function loadLoansConfig(env: NodeJS.ProcessEnv = process.env): LoansConfig {
  return loadConfig(configSpec, env);
}

/**
 * The built-in policies plus those of LOANS_POLICY_FILE (a JSON array in the CreditPolicy shape): a new
 * decision or a new poor-household rate takes effect on its date without a code change.
 */
export function loadPolicies(config: Pick<LoansConfig, 'policyFile'>): readonly CreditPolicy[] {
  if (!config.policyFile) return CREDIT_POLICIES;
  const extra = JSON.parse(readFileSync(config.policyFile, 'utf8')) as CreditPolicy[];
  if (!Array.isArray(extra) || extra.some((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p?.effectiveFrom ?? '') || !Array.isArray(p.products))) {
    throw new Error(`${config.policyFile} must be a JSON array of credit policies, each with effectiveFrom and products`);
  }
  return [...CREDIT_POLICIES, ...extra];
}
