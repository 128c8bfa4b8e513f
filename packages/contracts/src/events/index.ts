import type { EventDefinition } from '../event-definition';
import { jobPostedV1 } from './employers.job.posted.v1';
import { jobUpdatedV1 } from './employers.job.updated.v1';
import { applicationStatusChangedV1 } from './employers.application.status-changed.v1';
import { employmentCheckedV1 } from './employers.employment.checked.v1';
import { invitationRequestedV1 } from './employers.invitation.requested.v1';
import { invitationDecidedV1 } from './cases.invitation.decided.v1';
import { milestoneReachedV1 } from './cases.milestone.reached.v1';
import { referralCreatedV1 } from './cases.referral.created.v1';
import { referralStatusChangedV1 } from './cases.referral.status-changed.v1';
import { referralWithdrawnV1 } from './cases.referral.withdrawn.v1';
import { profilePublishedV1 } from './cases.returnee.profile-published.v1';
import { returneeRegisteredV1 } from './cases.returnee.registered.v1';
import { restrictionsPublishedV1 } from './cases.returnee.restrictions-published.v1';
import { returneeTransferredV1 } from './cases.returnee.transferred.v1';
import { certificateIssuedV1 } from './colleges.certificate.issued.v1';
import { cohortPublishedV1 } from './colleges.cohort.published.v1';
import { enrolmentStatusChangedV1 } from './colleges.enrolment.status-changed.v1';
import { loanApplicationStatusChangedV1 } from './loans.application.status-changed.v1';
import { loanProductPublishedV1 } from './loans.product.published.v1';

export { jobPostedV1, jobPostedV1Schema, type JobPostedV1 } from './employers.job.posted.v1';
export { jobUpdatedV1, jobUpdatedV1Schema, type JobUpdatedV1 } from './employers.job.updated.v1';
export type { JobStateV1, JobStatusV1 } from './employers.job-state';
export {
  applicationStatusChangedV1,
  applicationStatusChangedV1Schema,
  type ApplicationStatusChangedV1,
  type ApplicationStatusV1,
} from './employers.application.status-changed.v1';
export { employmentCheckedV1, employmentCheckedV1Schema, type EmploymentCheckedV1 } from './employers.employment.checked.v1';
export { invitationRequestedV1, invitationRequestedV1Schema, type InvitationRequestedV1 } from './employers.invitation.requested.v1';
export { EMPLOYERS_FORBIDDEN_FIELDS } from './employers.schema-parts';
export {
  invitationDecidedV1,
  invitationDecidedV1Schema,
  INVITATION_DECLINE_REASONS_V1,
  type InvitationDecidedV1,
  type InvitationDeclineReasonV1,
} from './cases.invitation.decided.v1';
export { milestoneReachedV1, milestoneReachedV1Schema, type MilestoneReachedV1 } from './cases.milestone.reached.v1';
export { referralCreatedV1, referralCreatedV1Schema, type ReferralCreatedV1 } from './cases.referral.created.v1';
export { referralStatusChangedV1, referralStatusChangedV1Schema, type ReferralStatusChangedV1 } from './cases.referral.status-changed.v1';
export { referralWithdrawnV1, referralWithdrawnV1Schema, type ReferralWithdrawnV1 } from './cases.referral.withdrawn.v1';
export { profilePublishedV1, profilePublishedV1Schema, type ProfilePublishedV1 } from './cases.returnee.profile-published.v1';
export { returneeRegisteredV1, returneeRegisteredV1Schema, type ReturneeRegisteredV1 } from './cases.returnee.registered.v1';
export {
  restrictionsPublishedV1,
  restrictionsPublishedV1Schema,
  type RestrictionsPublishedV1,
} from './cases.returnee.restrictions-published.v1';
export { returneeTransferredV1, returneeTransferredV1Schema, type ReturneeTransferredV1 } from './cases.returnee.transferred.v1';
export type { ConsentFlagsV1, PublishedCertificateV1 } from './cases.returnee.profile-published.v1';
export { SENSITIVE_FIELD_NAMES } from './cases.schema-parts';
export { cohortPublishedV1, cohortPublishedV1Schema, type CohortPublishedV1, type CohortSupportV1 } from './colleges.cohort.published.v1';
export {
  enrolmentStatusChangedV1,
  enrolmentStatusChangedV1Schema,
  type EnrolmentStatusChangedV1,
  type EnrolmentStatusV1,
} from './colleges.enrolment.status-changed.v1';
export { certificateIssuedV1, certificateIssuedV1Schema, type CertificateIssuedV1 } from './colleges.certificate.issued.v1';
export { COLLEGES_FORBIDDEN_FIELDS } from './colleges.schema-parts';
export {
  loanApplicationStatusChangedV1,
  loanApplicationStatusChangedV1Schema,
  type LoanApplicationStatusChangedV1,
  type LoanApplicationStatusV1,
} from './loans.application.status-changed.v1';
export { loanProductPublishedV1, loanProductPublishedV1Schema, type LoanProductPublishedV1 } from './loans.product.published.v1';
export { LOANS_FORBIDDEN_FIELDS } from './loans.schema-parts';

/**
 * Every event type and version on the wire. A service adds its event file in
 * this folder and lists it here; topic creation and tooling read this list.
 */
export const eventCatalogue: readonly EventDefinition[] = [
  // employers
  jobPostedV1,
  jobUpdatedV1,
  applicationStatusChangedV1,
  employmentCheckedV1,
  invitationRequestedV1,
  // cases
  invitationDecidedV1,
  milestoneReachedV1,
  referralCreatedV1,
  referralStatusChangedV1,
  referralWithdrawnV1,
  profilePublishedV1,
  returneeRegisteredV1,
  restrictionsPublishedV1,
  returneeTransferredV1,
  // colleges
  cohortPublishedV1,
  enrolmentStatusChangedV1,
  certificateIssuedV1,
  // loans
  loanApplicationStatusChangedV1,
  loanProductPublishedV1,
];

/** Every topic of the catalogue (dead-letter topics are `<topic>.dlq`). */
export const eventTopics: readonly string[] = eventCatalogue.map((definition) => definition.topic);
