import type { JsonSchema } from '../event-definition';

/**
 * Schema pieces shared by the cases.* events. `noSensitiveFields` refuses, at publish and at consume, any
 * property named like the data that must never leave cases (ARCHITECTURE §2, EVENTS.md privacy rule), while
 * other additive fields stay allowed.
 */
export const SENSITIVE_FIELD_NAMES = [
  'fullName',
  'name',
  'nationalId',
  'phone',
  'address',
  'addressLine',
  'line',
  'offence',
  'offenceCategory',
  'sentence',
  'grade',
  'gradeHistory',
  'dateOfBirth',
] as const;

export const noSensitiveFields: JsonSchema = { propertyNames: { not: { enum: SENSITIVE_FIELD_NAMES } } };
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const targetId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const isoDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const provinceCode: JsonSchema = { type: 'string', pattern: '^[0-9]{2}$' };
export const communeCode: JsonSchema = { type: 'string', pattern: '^[0-9]{5}$' };
export const occupationCode: JsonSchema = { type: 'string', pattern: '^[0-9]{4}$' };
export const skillSlugs: JsonSchema = { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, maxItems: 100 };
export const revision: JsonSchema = { type: 'integer', minimum: 1 };
export const referralTarget: JsonSchema = {
  type: 'object',
  required: ['kind', 'id'],
  properties: { kind: { enum: ['job', 'course', 'loan'] }, id: targetId },
  additionalProperties: true,
};
export const place: JsonSchema = {
  type: 'object',
  required: ['provinceCode', 'communeCode'],
  properties: { provinceCode, communeCode },
  additionalProperties: true,
};

/** An object schema with the privacy guard. */
export const guarded = (schema: Record<string, unknown>): JsonSchema => ({ ...schema, ...noSensitiveFields, additionalProperties: true });
