import { loanApplicationStatusChangedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import { applySideStatus } from '../../domain/apply-side-status.use-case';
import type { CasesContext } from '../../domain/cases.context';
import { systemActor } from './system-actor';

/** A loan application made from a referral changed status (business loans and others are not ours). */
export const loanStatusConsumer = (ctx: CasesContext) =>
  onEvent(loanApplicationStatusChangedV1, async (envelope) => {
    const p = envelope.payload;
    if (!p.referralId) return;
    const reason = p.reasons?.join('; ');
    await applySideStatus(
      ctx,
      systemActor(envelope),
      {
        kind: 'loan',
        referralId: p.referralId,
        ...(p.returneeId && { returneeId: p.returneeId }),
        recordId: p.applicationId,
        sideStatus: p.status,
        ...(reason && { reason }),
        at: p.at,
      },
      envelope.eventId,
    );
  });
