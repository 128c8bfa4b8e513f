import type { JsonSchema } from '../event-definition';

/**
 * Schema pieces of the colleges.* events. The privacy guard refuses, at publish and at consume, any property
 * named like data that never leaves cases (ARCHITECTURE §2): a college learns a returnee's given name and
 * skills, and publishes nothing about them beyond the opaque returneeId and what the course granted.
 */
export const COLLEGES_FORBIDDEN_FIELDS = [
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

export const collegesId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const collegesUuid: JsonSchema = { type: 'string', format: 'uuid' };
export const collegesDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
export const collegesDateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const collegesSkills: JsonSchema = { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, maxItems: 100 };
export const collegesOccupation: JsonSchema = { type: 'string', pattern: '^[0-9]{4}$' };
export const collegesProvince: JsonSchema = { type: 'string', pattern: '^[0-9]{2}$' };
export const collegesCommune: JsonSchema = { type: 'string', pattern: '^[0-9]{5}$' };

/** An object schema with the privacy guard; additive fields stay allowed (consumers ignore what they do not use). */
export const collegesGuarded = (schema: Record<string, unknown>): JsonSchema => ({
  ...schema,
  propertyNames: { not: { enum: COLLEGES_FORBIDDEN_FIELDS } },
  additionalProperties: true,
});
