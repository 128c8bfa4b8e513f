import type { JsonSchema } from '../event-definition';

/**
 * Schema pieces of the employers.* events. The privacy guard refuses, at publish and at consume, any property
 * named like data that never reaches an employer (ARCHITECTURE §2): employers know a returnee by the opaque
 * returneeId and the consented employer view, and publish nothing about the person beyond that id.
 */
export const EMPLOYERS_FORBIDDEN_FIELDS = [
  'fullName',
  'givenName',
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
] as const;

export const employersId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const employersUuid: JsonSchema = { type: 'string', format: 'uuid' };
export const employersDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
export const employersDateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const employersSkills: JsonSchema = { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, maxItems: 50 };
export const employersVnd: JsonSchema = { type: 'integer', minimum: 0 };

/** An object schema with the privacy guard; additive fields stay allowed (consumers ignore what they do not use). */
export const employersGuarded = (schema: Record<string, unknown>): JsonSchema => ({
  ...schema,
  propertyNames: { not: { enum: EMPLOYERS_FORBIDDEN_FIELDS } },
  additionalProperties: true,
});
