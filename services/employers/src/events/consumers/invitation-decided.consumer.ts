import { invitationDecidedV1 } from '@hoanhap/contracts';
import { causedBy, onEvent } from '@hoanhap/events';
import type { EmployersContext } from '../../domain/employers.context';
import { recordInvitationDecision } from '../../domain/record-invitation-decision.use-case';

/** cases.invitation.decided.v1 → the employer's invitation shows approved or declined (with the reason code). */
export const invitationDecidedConsumer = (ctx: EmployersContext) =>
  onEvent(invitationDecidedV1, async (envelope) => {
    const p = envelope.payload;
    await recordInvitationDecision(
      ctx,
      {
        invitationId: p.invitationId,
        employerOrgId: p.employerOrgId,
        outcome: p.outcome,
        ...(p.reason && { reason: p.reason }),
        ...(p.referralId && { referralId: p.referralId }),
        at: p.at,
      },
      causedBy(envelope),
    );
  });
