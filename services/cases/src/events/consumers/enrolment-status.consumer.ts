import { enrolmentStatusChangedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import { applySideStatus } from '../../domain/apply-side-status.use-case';
import type { CasesContext } from '../../domain/cases.context';
import { systemActor } from './system-actor';

/** A college enrolment made from a referral changed status (enrolments without a referral are not ours). */
export const enrolmentStatusConsumer = (ctx: CasesContext) =>
  onEvent(enrolmentStatusChangedV1, async (envelope) => {
    const p = envelope.payload;
    if (!p.referralId) return;
    await applySideStatus(
      ctx,
      systemActor(envelope),
      {
        kind: 'course',
        referralId: p.referralId,
        returneeId: p.returneeId,
        recordId: p.enrolmentId,
        sideStatus: p.status,
        ...(p.reason && { reason: p.reason }),
        at: p.at,
      },
      envelope.eventId,
    );
  });
