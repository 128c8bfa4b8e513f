import type { JsonSchema } from '../event-definition';

/** Schema pieces every service's events use alike (each service's *.schema-parts.ts adds its privacy guard). */
export const opaqueId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const isoDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const provinceCode: JsonSchema = { type: 'string', pattern: '^[0-9]{2}$' };
export const communeCode: JsonSchema = { type: 'string', pattern: '^[0-9]{5}$' };
export const occupationCode: JsonSchema = { type: 'string', pattern: '^[0-9]{4}$' };
/** Skill slugs of the reference vocabulary (or new ones of the same form), at most `maxItems`. */
export const skillList = (maxItems: number): JsonSchema => ({
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
  maxItems,
});
export const skillSlugs = skillList(100);
/** Money is an integer number of VND everywhere. */
export const vnd: JsonSchema = { type: 'integer', minimum: 0 };

/**
 * What a service other than cases never publishes about a returnee (ARCHITECTURE §2): identity, offence,
 * sentence, grade and restrictions — and the given name, which other services may read but never pass on.
 * Each service's guard starts from this list.
 */
export const NEVER_PUBLISHED_OUTSIDE_CASES = [
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

/**
 * The privacy guard of a service's events: an object schema that refuses, at publish and at consume, any
 * property named in `forbidden`, while additive fields stay allowed (consumers ignore what they do not use).
 */
export const guardedAgainst =
  (forbidden: readonly string[]) =>
  (schema: Record<string, unknown>): JsonSchema => ({ ...schema, propertyNames: { not: { enum: forbidden } }, additionalProperties: true });
