import { invitationRequestedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import type { CasesContext } from '../../domain/cases.context';
import { receiveInvitation } from '../../domain/receive-invitation.use-case';
import { systemActor } from './system-actor';

/** An employer asks for a proposed candidate: the request waits for the returnee's officer (or is declined at once). */
export const invitationRequestedConsumer = (ctx: CasesContext) =>
  onEvent(invitationRequestedV1, async (envelope) => {
    const p = envelope.payload;
    await receiveInvitation(ctx, systemActor(envelope), {
      invitationId: p.invitationId,
      jobId: p.jobId,
      employerOrgId: p.employerOrgId,
      returneeId: p.returneeId,
      ...(p.message && { message: p.message }),
      at: p.at,
    });
  });
