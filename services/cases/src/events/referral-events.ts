import type { OutgoingEvent } from '../domain/outgoing-event';
import { daysToAnswer } from '../domain/referral.rules';
import type { Referral } from '../domain/referral.types';
import { referralCreatedV1, referralStatusChangedV1, referralWithdrawnV1 } from '@hoanhap/contracts';

const target = (r: Referral) => ({ kind: r.target.kind, id: r.target.id });

export const referralEvents = {
  created: (r: Referral): OutgoingEvent => ({
    definition: referralCreatedV1,
    key: r.id,
    payload: {
      referralId: r.id,
      returneeId: r.returneeId,
      target: target(r),
      officerId: r.officerId,
      ...(r.officerOrgId && { officerOrgId: r.officerOrgId }),
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      ...(r.note && { note: r.note }),
      createdAt: r.createdAt,
    },
  }),
  withdrawn: (r: Referral, reason: 'officer' | 'consent-revoked', at: string): OutgoingEvent => ({
    definition: referralWithdrawnV1,
    key: r.id,
    payload: { referralId: r.id, returneeId: r.returneeId, target: target(r), reason, at },
  }),
  statusChanged: (r: Referral, at: string): OutgoingEvent => {
    const days = daysToAnswer(r.createdAt, at, r.status);
    return {
      definition: referralStatusChangedV1,
      key: r.id,
      payload: {
        referralId: r.id,
        returneeId: r.returneeId,
        target: target(r),
        status: r.status,
        sideStatus: r.side?.status ?? r.status,
        ...(r.side?.reason && { reason: r.side.reason }),
        at,
        ...(days !== undefined && { daysToAnswer: days }),
      },
    };
  },
};
