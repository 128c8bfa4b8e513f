import { guardedAgainst, NEVER_PUBLISHED_OUTSIDE_CASES, skillList } from './common.schema-parts';

/**
 * Schema pieces of the employers.* events. The privacy guard refuses, at publish and at consume, any property
 * named like data that never reaches an employer (ARCHITECTURE §2): employers know a returnee by the opaque
 * returneeId and the consented employer view, and publish nothing about the person beyond that id.
 */
export const EMPLOYERS_FORBIDDEN_FIELDS = NEVER_PUBLISHED_OUTSIDE_CASES;

export const employersSkills = skillList(50);

export const employersGuarded = guardedAgainst(EMPLOYERS_FORBIDDEN_FIELDS);
