import { AppError } from '@hoanhap/kit';

/** The invitation flow's error codes (cases.errors.ts holds the rest). */
export const invitationErrors = {
  /** Another province's invitation and no invitation answer alike. */
  notFound: (id: string) => new AppError('INVITATION.NOT_FOUND', 404, `no invitation ${id}`),
  alreadyDecided: (id: string, status: string) =>
    new AppError('INVITATION.ALREADY_DECIDED', 409, `invitation ${id} is already ${status}`, { extensions: { status } }),
  notInvitable: (id: string) =>
    new AppError(
      'INVITATION.NOT_INVITABLE',
      422,
      `the returnee of invitation ${id} is no longer discoverable or sharing with employers: it was declined automatically`,
    ),
};
