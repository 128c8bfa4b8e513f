import { AppError, fingerprint, idempotentId, type IdempotencyRecord } from '@hoanhap/kit';
import { applicationStatusChanged } from '../events/application-events';
import { applicationDto, type ApplicationDto } from './application.dto';
import { applyPatch, checkPatch, checkTransition } from './application.rules';
import type { Application, ApplicationPatch } from './application.types';
import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { refreshFill } from './job-fill';
import type { Job } from './job.types';
import type { Trace } from './outgoing-event';

/**
 * A hire takes one of the job's openings first. The claim is a unique insert
 * (kit's claimSlot), so concurrent hires — in this process or another — never
 * exceed the openings; a repeated hire of the same application keeps its claim.
 */
async function claimOpening(ctx: EmployersContext, application: Application, job: Job | undefined): Promise<boolean> {
  const claim = job ? await ctx.openings.claim(job.id, application.id, job.openings) : 'full';
  if (claim === 'full') throw errors.jobFull(application.jobId);
  return claim === 'claimed';
}

/** Failures after which the store guarantees nothing was written: the opening taken for the hire may go back. */
const NOT_WRITTEN = ['EVENTS.LOCK_EXPIRED', 'EVENTS.INVALID_PAYLOAD'];

/**
 * Gives back the opening a failed hire claimed — unless the application is hired after all. A change that outlived
 * its lock (LOCK_EXPIRED) wrote nothing, but while it ran another attempt (a client's retry) could take the lock,
 * find this claim already held and write the hire on it: releasing then would leave a hire without an opening (one
 * more hire than openings could follow). So the check and the release run under the application's own lock, where
 * no hire can be half-written; if that lock cannot be had, the claim stays (an opening kept idle is the safe side).
 */
async function releaseUnlessHired(ctx: EmployersContext, jobId: string, applicationId: string, trace: Trace): Promise<void> {
  await ctx.applications
    .update(
      applicationId,
      async (current) => {
        if (current.status !== 'hired') await ctx.openings.release(jobId, applicationId);
        return undefined;
      },
      trace,
    )
    .catch(() => undefined);
}

/** The same rule as kit's createOnce for the keys of creates. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

function checkedKey(key: string): string {
  if (KEY_FORMAT.test(key)) return key;
  const message = 'Idempotency-Key must be 1 to 255 visible ASCII characters';
  throw new AppError('IDEMPOTENCY.KEY_INVALID', 400, message, {
    errors: [{ field: 'Idempotency-Key', in: 'header', rule: 'pattern', message }],
  });
}

export interface StatusChangeResult {
  id: string;
  status: number;
  body: ApplicationDto;
  /** The first answer to this Idempotency-Key again: nothing was changed by this call. */
  replayed: boolean;
}

/**
 * The employer moves its application on (interview, offered, hired, declined)
 * along the legal transitions; each move is published for cases, which closes
 * the loop on the referral. A hire updates the job's filled count and status.
 *
 * With an Idempotency-Key the move is made at most once: the reply is stored in
 * the application's document by the same write as the move and its event, so a
 * retry after a lost answer (even one whose first attempt died between the
 * write and the reply) gets the first reply again, with `Idempotent-Replayed`,
 * and no second event; the same key with another body is 422.
 */
export async function changeApplicationStatus(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  key: string | undefined,
  id: string,
  patch: ApplicationPatch,
): Promise<StatusChangeResult> {
  checkPatch(patch);
  // keys are unique per organisation, and per application: the same key on two applications is two moves
  const once =
    key === undefined
      ? undefined
      : {
          id: idempotentId('application-change', `${caller.orgId ?? caller.userId}|${id}`, checkedKey(key)),
          fingerprint: fingerprint(patch),
        };
  const cached = once && (await ctx.idempotencyCache?.get(once.id));
  if (cached && cached.fingerprint === once.fingerprint) {
    return { id, status: cached.status, body: cached.body as ApplicationDto, replayed: true };
  }

  // what the reply shows besides the application, read before the application's lock is taken: the lock is held
  // for the claim and the write only (a change that outlives the lock writes nothing); the job and the person
  // of an application never change, their title and consented profile may only be a moment older
  const seen = await ctx.applications.findById(id);
  if (!seen || !isEmployerOf(caller, seen.employerOrgId)) throw errors.applicationNotFound(id);
  const [job, profile] = await Promise.all([ctx.jobs.findById(seen.jobId), ctx.profiles.findById(seen.returneeId)]);

  let claimed: string | undefined;
  const result = await ctx.applications
    .updateOnce<ApplicationDto>(
      id,
      once,
      (current) => {
        if (!isEmployerOf(caller, current.employerOrgId)) throw errors.applicationNotFound(id);
      },
      async (current) => {
        checkTransition(current.status, patch.status);
        if (patch.status === 'hired' && (await claimOpening(ctx, current, job))) claimed = current.jobId;
        const now = ctx.now();
        // acting on an application means it was seen, even if it was never opened on its own
        const changed = applyPatch({ ...current, openedAt: current.openedAt ?? now }, patch, now);
        return {
          next: changed,
          events: [applicationStatusChanged(changed)],
          reply: { status: 200, body: applicationDto(changed, profile, job?.title) },
        };
      },
      trace,
    )
    .catch(async (error: unknown) => {
      const e = error as { code?: string; cause?: { code?: string } };
      const notWritten = NOT_WRITTEN.includes(e.code ?? '') || NOT_WRITTEN.includes(e.cause?.code ?? '');
      if (claimed && notWritten) await releaseUnlessHired(ctx, claimed, id, trace);
      throw error;
    });
  if (!result) throw errors.applicationNotFound(id);
  // also on a replay: the first attempt may have died between the hire and this copy of the count
  if (result.state.status === 'hired') await refreshFill(ctx, result.state.jobId, trace);
  if (once) {
    const record: IdempotencyRecord = { fingerprint: once.fingerprint, status: result.status, body: result.body };
    await ctx.idempotencyCache?.set(once.id, record);
  }
  return { id, status: result.status, body: result.body, replayed: result.replayed };
}
