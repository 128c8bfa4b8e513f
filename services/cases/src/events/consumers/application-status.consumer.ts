import { applicationStatusChangedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import { applySideStatus } from '../../domain/apply-side-status.use-case';
import type { CasesContext } from '../../domain/cases.context';
import { systemActor } from './system-actor';

/** An employer's application made from a referral changed status: the referral follows (ARCHITECTURE §3). */
export const applicationStatusConsumer = (ctx: CasesContext) =>
  onEvent(applicationStatusChangedV1, async (envelope) => {
    const p = envelope.payload;
    await applySideStatus(
      ctx,
      systemActor(envelope),
      {
        kind: 'job',
        referralId: p.referralId,
        returneeId: p.returneeId,
        recordId: p.applicationId,
        sideStatus: p.status,
        opened: p.status !== 'new' || p.openedAt !== undefined,
        ...(p.reason && { reason: p.reason }),
        at: p.at,
      },
      envelope.eventId,
    );
  });
