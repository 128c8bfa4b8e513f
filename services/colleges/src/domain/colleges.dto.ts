import type { CollegesSettings } from './colleges.context';
import type { AttendanceRecord, Certificate, Cohort, College, Course, Enrolment, ReturneeView } from './colleges.types';
import { SUPPORT_BASIS, trainingLoan } from './training-support.rules';

/** What the API answers: plain JSON with ISO dates, never a stored document as it is. */

export const collegeDto = (college: College) => ({ ...college, updatedAt: college.updatedAt.toISOString() });

export function courseDto(course: Course, settings: CollegesSettings) {
  return {
    ...course,
    support: course.support.map((s) => ({ ...s, basis: SUPPORT_BASIS[s.kind] })),
    trainingLoan: trainingLoan(course.durationWeeks, course.trainingLoanEligible, settings.trainingLoan),
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** `taken` counts every held seat claim (closed seats included): seats left = slot space − taken. */
export function cohortDto(cohort: Cohort, taken: number) {
  const { slotSpace, seatsLeft: _hint, course, ...rest } = cohort;
  return {
    ...rest,
    title: course.title,
    occupationCode: course.occupationCode,
    skillsGranted: course.skillsGranted,
    delivery: course.delivery,
    seatsLeft: Math.max(0, slotSpace - taken),
    createdAt: cohort.createdAt.toISOString(),
    updatedAt: cohort.updatedAt.toISOString(),
  };
}

/**
 * An enrolment as its college sees it: the person only through the consented
 * college view (given name, skills) — never offence, sentence or grade, which
 * this service never receives.
 */
export function enrolmentDto(enrolment: Enrolment, view: ReturneeView | undefined, waitlistPosition?: number) {
  const { waitlistedAt, createdAt, updatedAt, ...rest } = enrolment;
  return {
    ...rest,
    ...(waitlistedAt ? { waitlistedAt: waitlistedAt.toISOString() } : {}),
    ...(waitlistPosition === undefined ? {} : { waitlistPosition }),
    returnee: view?.collegeView
      ? { id: enrolment.returneeId, consented: true, givenName: view.collegeView.givenName, skills: view.collegeView.skills }
      : { id: enrolment.returneeId, consented: false },
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export const certificateDto = (certificate: Certificate) => ({ ...certificate });

export const attendanceDto = (record: AttendanceRecord) => ({ ...record, recordedAt: record.recordedAt.toISOString() });
