import type { JsonSchema } from '../event-definition';
import { guardedAgainst, NEVER_PUBLISHED_OUTSIDE_CASES } from './common.schema-parts';

/**
 * Schema pieces of the loans.* events. The bank sees a returnee only through the `bankView` facts
 * (ARCHITECTURE §2), and nothing loans publishes may carry more: the guard refuses, at publish and at consume,
 * any property named like identity, offence, sentence or grade data, while additive fields stay allowed.
 */
export const LOANS_FORBIDDEN_FIELDS = [...NEVER_PUBLISHED_OUTSIDE_CASES, 'name', 'creditWindowEndsOn', 'releaseKindEligible'] as const;

export const loansPurpose: JsonSchema = { enum: ['production', 'training', 'business'] };

export const loansGuarded = guardedAgainst(LOANS_FORBIDDEN_FIELDS);
