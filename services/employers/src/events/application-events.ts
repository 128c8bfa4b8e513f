import { applicationStatusChangedV1, employmentCheckedV1, invitationRequestedV1 } from '@hoanhap/contracts';
import type { Application } from '../domain/application.types';
import type { CheckIn } from '../domain/check-in.types';
import type { Invitation } from '../domain/invitation.types';
import { type OutgoingEvent, outgoing } from '../domain/outgoing-event';

const dropUndefined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The application's new status for cases (the referral follows it) and
 * reports. `openedAt` tells cases the employer has seen it. Nothing about the
 * person beyond the pseudonymous returneeId.
 */
export const applicationStatusChanged = (application: Application): OutgoingEvent =>
  outgoing(
    applicationStatusChangedV1,
    dropUndefined({
      applicationId: application.id,
      referralId: application.referralId,
      jobId: application.jobId,
      employerOrgId: application.employerOrgId,
      returneeId: application.returneeId,
      status: application.status,
      reason: application.reason,
      reasonNote: application.reasonNote,
      interviewAt: application.interviewAt?.toISOString(),
      startDate: application.startDate,
      contractType: application.contractType,
      openedAt: application.openedAt?.toISOString(),
      employmentType: application.employmentType,
      at: application.updatedAt.toISOString(),
    }),
  );

export const employmentChecked = (checkIn: CheckIn): OutgoingEvent =>
  outgoing(
    employmentCheckedV1,
    {
      applicationId: checkIn.applicationId,
      returneeId: checkIn.returneeId,
      jobId: checkIn.jobId,
      employerOrgId: checkIn.employerOrgId,
      monthsAfterHire: checkIn.monthsAfterHire,
      stillEmployed: checkIn.stillEmployed,
      on: checkIn.on,
    },
    checkIn.applicationId,
  );

export const invitationRequested = (invitation: Invitation): OutgoingEvent =>
  outgoing(
    invitationRequestedV1,
    dropUndefined({
      invitationId: invitation.id,
      jobId: invitation.jobId,
      employerOrgId: invitation.employerOrgId,
      returneeId: invitation.returneeId,
      message: invitation.message,
      requestedBy: invitation.requestedBy,
      at: invitation.createdAt.toISOString(),
    }),
  );
