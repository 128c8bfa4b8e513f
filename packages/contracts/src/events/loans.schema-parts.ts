import type { JsonSchema } from '../event-definition';

/**
 * Schema pieces of the loans.* events. The bank sees a returnee only through the `bankView` facts
 * (ARCHITECTURE §2), and nothing loans publishes may carry more: the guard refuses, at publish and at consume,
 * any property named like identity, offence, sentence or grade data, while additive fields stay allowed.
 */
export const LOANS_FORBIDDEN_FIELDS = [
  'fullName',
  'givenName',
  'name',
  'nationalId',
  'phone',
  'address',
  'dateOfBirth',
  'offence',
  'offenceCategory',
  'sentence',
  'grade',
  'riskGrade',
  'restrictions',
  'creditWindowEndsOn',
  'releaseKindEligible',
] as const;

export const loansId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const loansUuid: JsonSchema = { type: 'string', format: 'uuid' };
export const loansDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
export const loansDateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const loansProvince: JsonSchema = { type: 'string', pattern: '^[0-9]{2}$' };
export const loansCommune: JsonSchema = { type: 'string', pattern: '^[0-9]{5}$' };
/** Money is an integer number of VND everywhere. */
export const loansVnd: JsonSchema = { type: 'integer', minimum: 0 };
export const loansPurpose: JsonSchema = { enum: ['production', 'training', 'business'] };

/** An object schema with the privacy guard; consumers ignore fields they do not use. */
export const loansGuarded = (schema: Record<string, unknown>): JsonSchema => ({
  ...schema,
  propertyNames: { not: { enum: LOANS_FORBIDDEN_FIELDS } },
  additionalProperties: true,
});
