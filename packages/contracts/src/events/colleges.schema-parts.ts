import { guardedAgainst, NEVER_PUBLISHED_OUTSIDE_CASES } from './common.schema-parts';

/**
 * Schema pieces of the colleges.* events. The privacy guard refuses, at publish and at consume, any property
 * named like data that never leaves cases (ARCHITECTURE §2): a college learns a returnee's given name and
 * skills, and publishes nothing about them beyond the opaque returneeId and what the course granted.
 */
export const COLLEGES_FORBIDDEN_FIELDS = NEVER_PUBLISHED_OUTSIDE_CASES;

export const collegesGuarded = guardedAgainst(COLLEGES_FORBIDDEN_FIELDS);
