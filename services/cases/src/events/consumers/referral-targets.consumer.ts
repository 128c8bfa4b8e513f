import { cohortPublishedV1, jobPostedV1, jobUpdatedV1, loanProductPublishedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { CasesContext } from '../../domain/cases.context';

/**
 * What referrals may name, heard of from events: jobs (open ones take referrals), course cohorts (by
 * cohortId, as colleges read `target.id`; open or running ones) and loan products (by productCode).
 * A referral to something not heard of yet gets 409 …NOT_YET_KNOWN.
 */
export const referralTargetConsumers = (ctx: CasesContext) => [
  onEvent(jobPostedV1, async ({ payload, occurredAt }) => {
    await ctx.targets.record({ kind: 'job', id: payload.jobId, open: payload.status === 'open', at: occurredAt });
  }),
  onEvent(jobUpdatedV1, async ({ payload, occurredAt }) => {
    await ctx.targets.record({ kind: 'job', id: payload.jobId, open: payload.status === 'open', at: occurredAt });
  }),
  onEvent(cohortPublishedV1, async ({ payload, occurredAt }) => {
    await ctx.targets.record({
      kind: 'course',
      id: payload.cohortId,
      open: payload.status === 'open' || payload.status === 'running',
      at: occurredAt,
    });
  }),
  onEvent(loanProductPublishedV1, async ({ payload, occurredAt }) => {
    await ctx.targets.record({ kind: 'loan', id: payload.productCode, open: true, at: occurredAt });
  }),
];
