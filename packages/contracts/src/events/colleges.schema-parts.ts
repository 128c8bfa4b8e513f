import { guardedAgainst } from './common.schema-parts';

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

export const collegesGuarded = guardedAgainst(COLLEGES_FORBIDDEN_FIELDS);
