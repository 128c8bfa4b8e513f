import type { JsonSchema } from '../event-definition';
import { communeCode, guardedAgainst, opaqueId, provinceCode } from './common.schema-parts';

export { communeCode, dateTime, isoDate, occupationCode, provinceCode, skillSlugs, uuid } from './common.schema-parts';

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

export const targetId = opaqueId;
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
export const guarded = guardedAgainst(SENSITIVE_FIELD_NAMES);
