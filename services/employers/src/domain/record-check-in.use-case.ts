import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { employmentChecked } from '../events/application-events';
import { loadVisibleApplication } from './application-access';
import type { Caller } from './caller';
import type { CheckIn, CheckInInput } from './check-in.types';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import type { Trace } from './outgoing-event';

/** Today in Vietnam (UTC+7), as the date a check-in is made when none is given. */
const vietnamToday = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const checkInDto = ({ createdAt: _c, jobId: _j, employerOrgId: _e, returneeId: _r, ...rest }: CheckIn) => rest;
export type CheckInDto = ReturnType<typeof checkInDto>;

/**
 * "Still employed N months after the hire?", recorded by the employer or an
 * officer who follows the case, once per hire and milestone; reports turn
 * these into retention at 3, 6 and 12 months.
 */
export async function recordCheckIn(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  key: string | undefined,
  applicationId: string,
  input: CheckInInput,
): Promise<CreateOnceResult<CheckInDto>> {
  const application = await loadVisibleApplication(ctx, caller, applicationId);
  if (application.status !== 'hired') throw errors.notHired(applicationId);
  return createOnce({
    resource: 'check-in',
    scope: `${caller.userId}|${applicationId}`,
    key,
    request: input,
    build: (id) => {
      const now = ctx.now();
      const checkIn: CheckIn = {
        id,
        applicationId,
        jobId: application.jobId,
        employerOrgId: application.employerOrgId,
        returneeId: application.returneeId,
        monthsAfterHire: input.monthsAfterHire,
        stillEmployed: input.stillEmployed,
        on: input.on ?? vietnamToday(now),
        recordedBy: { userId: caller.userId, role: caller.role, ...(caller.orgId ? { orgId: caller.orgId } : {}) },
        createdAt: now,
      };
      return { document: checkIn, reply: { status: 201, body: checkInDto(checkIn) } };
    },
    insert: async (document) => {
      try {
        await ctx.checkIns.create(document, [employmentChecked(document)], trace);
      } catch (error) {
        const duplicate = (error as { code?: number; keyPattern?: Record<string, unknown> }).code === 11000;
        // the (applicationId, monthsAfterHire) index, not the idempotent _id: this milestone already has its answer
        if (duplicate && !(await ctx.checkIns.findIdempotency(document.id))) throw errors.checkInRecorded(input.monthsAfterHire);
        throw error;
      }
    },
    findRecord: (id) => ctx.checkIns.findIdempotency(id),
    cache: ctx.idempotencyCache,
  });
}
