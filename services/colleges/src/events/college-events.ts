import { certificateIssuedV1, cohortPublishedV1, type CohortPublishedV1, enrolmentStatusChangedV1 } from '@hoanhap/contracts';
import type { OutgoingEvent } from '../domain/colleges.context';
import type { Certificate, Cohort, Enrolment } from '../domain/colleges.types';

/**
 * The colleges.* events, built from the domain's objects: exactly the fields
 * of EVENTS.md and nothing about the person beyond the opaque returneeId.
 */
export function enrolmentChanged(enrolment: Enrolment): OutgoingEvent {
  const payload = {
    enrolmentId: enrolment.id,
    ...(enrolment.referralId ? { referralId: enrolment.referralId } : {}),
    cohortId: enrolment.cohortId,
    returneeId: enrolment.returneeId,
    status: enrolment.status,
    ...(enrolment.reason ? { reason: enrolment.reason } : {}),
    at: enrolment.updatedAt.toISOString(),
  };
  return { definition: enrolmentStatusChangedV1, key: enrolment.id, payload };
}

export function cohortPublished(cohort: Cohort, seatsLeft: number): OutgoingEvent {
  const payload: CohortPublishedV1 = {
    cohortId: cohort.id,
    courseId: cohort.courseId,
    collegeOrgId: cohort.collegeOrgId,
    title: cohort.course.title,
    occupationCode: cohort.course.occupationCode,
    skillsGranted: cohort.course.skillsGranted,
    provinceCode: cohort.location.provinceCode,
    ...(cohort.location.communeCode ? { communeCode: cohort.location.communeCode } : {}),
    delivery: cohort.course.delivery,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    seats: cohort.seats,
    seatsLeft,
    tuitionVnd: cohort.course.tuitionVnd,
    support: cohort.course.support.map((s) => ({ kind: s.kind, ...(s.amountVnd === undefined ? {} : { amountVnd: s.amountVnd }) })),
    status: cohort.status as CohortPublishedV1['status'],
  };
  return { definition: cohortPublishedV1, key: cohort.id, payload };
}

export function certificateIssued(certificate: Certificate): OutgoingEvent {
  const payload = {
    certificateId: certificate.id,
    returneeId: certificate.returneeId,
    cohortId: certificate.cohortId,
    number: certificate.number,
    skills: certificate.skills,
    occupationCode: certificate.occupationCode,
    issuedOn: certificate.issuedOn,
  };
  return { definition: certificateIssuedV1, key: certificate.returneeId, payload };
}
