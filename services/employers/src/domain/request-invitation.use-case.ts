import { createOnce, type CreateOnceResult } from '@hoanhap/kit';
import { invitationRequested } from '../events/application-events';
import { type Caller, orgOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { loadOwnJob } from './job-access';
import { effectiveStatus } from './job.rules';
import type { Invitation, InvitationInput } from './invitation.types';
import type { Trace } from './outgoing-event';

const invitationDto = ({ requestedBy: _r, createdAt, ...rest }: Invitation) => ({ ...rest, createdAt: createdAt.toISOString() });
export type InvitationDto = ReturnType<typeof invitationDto>;
export { invitationDto };

/** Checks the request against what this service knows: the caller's open job, a discoverable returnee, no earlier request. */
async function checkInvitation(ctx: EmployersContext, caller: Caller, input: InvitationInput): Promise<void> {
  const job = await loadOwnJob(ctx, caller, input.jobId);
  const status = effectiveStatus(job, ctx.now());
  if (status !== 'open') throw errors.jobNotOpen(job.id, status);
  const profile = await ctx.profiles.findById(input.returneeId);
  if (!profile) throw errors.returneeNotYetKnown(input.returneeId);
  // not discoverable, or not sharing with employers (a referral would be refused): the employer must not learn that this person exists here
  if (!profile.discoverable || !profile.shareWithEmployers) throw errors.returneeNotFound(input.returneeId);
  const earlier = await ctx.invitations.findFor(input.jobId, input.returneeId);
  if (earlier) throw errors.invitationExists(earlier.id);
}

/**
 * An employer asks that a candidate matching proposed be referred to its
 * job. Nothing reaches the returnee from here: cases receives
 * employers.invitation.requested.v1 and an officer decides.
 */
export async function requestInvitation(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  key: string | undefined,
  input: InvitationInput,
): Promise<CreateOnceResult<InvitationDto>> {
  const orgId = orgOf(caller);
  return createOnce({
    resource: 'invitation',
    scope: orgId,
    key,
    request: input,
    build: async (id) => {
      await checkInvitation(ctx, caller, input);
      const invitation: Invitation = {
        id,
        ...input,
        employerOrgId: orgId,
        status: 'requested',
        requestedBy: caller.userId,
        createdAt: ctx.now(),
      };
      return { document: invitation, reply: { status: 201, body: invitationDto(invitation) } };
    },
    insert: async (document) => {
      try {
        await ctx.invitations.create(document, [invitationRequested(document)], trace);
      } catch (error) {
        // the (jobId, returneeId) index refused a concurrent duplicate, whose key may not name it yet; an _id clash is createOnce's to handle
        const earlier =
          (error as { code?: number }).code === 11000 ? await ctx.invitations.findForByScan(input.jobId, input.returneeId) : undefined;
        if (earlier && earlier.id !== document.id) throw errors.invitationExists(earlier.id);
        throw error;
      }
    },
    findRecord: (id) => ctx.invitations.findIdempotency(id),
    cache: ctx.idempotencyCache,
  });
}
