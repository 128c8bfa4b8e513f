import type { components } from '@hoanhap/contracts/src/generated/colleges';
import { http, type Page } from './http';

type Schemas = components['schemas'];

// services/colleges/openapi.yaml names only some members of a course, cohort, enrolment and certificate and leaves
// the rest open (`additionalProperties: true`; several are in `required` without a type). Each type below is the
// generated one and, apart, the members colleges sends beyond it (services/colleges/src/domain/colleges.dto.ts)
// that the web reads: a gap of the OpenAPI document, to close there.

export type CohortStatus = Schemas['Cohort']['status'];
export type EnrolmentStatus = Schemas['EnrolmentStatus'];
export type Delivery = NonNullable<CourseInput['delivery']>;
export type CourseInput = Schemas['CourseInput'];

export type Cohort = Schemas['Cohort'] & {
  collegeOrgId: string;
  /** The course's title, copied onto every cohort answer. */
  title: string;
  startsOn: string;
  endsOn: string;
  location: Schemas['Location'];
  schedule?: string;
};

export type Course = Schemas['Course'] & {
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  level: string;
  durationWeeks: number;
  delivery: Delivery;
  provinceCode: string;
  tuitionVnd: number;
  firstCohort?: Cohort;
};

export type Enrolment = Schemas['Enrolment'] & {
  cohortId: string;
  courseId: string;
  returneeId: string;
  source: 'referral' | 'roster';
  result?: string;
  reason?: string;
};

export type Attendance = Schemas['Attendance'];
/** The spec says only `type: object`: colleges answers every recorded day with the totals (no cursor). */
export interface AttendanceList {
  items: Attendance[];
  daysPresent: number;
  daysAbsent: number;
}

export type Certificate = Schemas['Certificate'] & {
  returneeId: string;
  cohortId: string;
  occupationCode: string;
};

/**
 * A cohort as the catalogue lists it, shaped after Open Referral HSDS (services/colleges/src/domain/catalogue.use-case.ts;
 * the spec's `CatalogueEntry` is open): only the members the web reads.
 */
export type CatalogueEntry = Schemas['CatalogueEntry'] & {
  id: string;
  cohortId: string;
  courseId: string;
  service: { name: string; occupationCode: string };
  /** `name` is missing when the college has no profile yet. */
  organization: { id: string; name?: string };
  schedule: { startsOn: string; endsOn: string };
  capacity: { seats: number; seatsLeft: number };
};

const base = '/api/colleges';
const id = (value: string) => encodeURIComponent(value);

/** colleges: courses, cohorts, enrolments, attendance and certificates. */
export const collegesApi = {
  listCourses: (query: { limit?: number; cursor?: string } = {}) => http.get<Page<Course>>(`${base}/courses`, query),
  getCourse: (courseId: string) => http.get<Course>(`${base}/courses/${id(courseId)}`),
  createCourse: (body: CourseInput, idempotencyKey: string) => http.post<Course>(`${base}/courses`, body, { idempotencyKey }),
  listCohorts: (courseId: string, cursor?: string) =>
    http.get<Page<Cohort>>(`${base}/courses/${id(courseId)}/cohorts`, { limit: 50, cursor }),
  createCohort: (courseId: string, body: Schemas['CohortInput'], idempotencyKey: string) =>
    http.post<Cohort>(`${base}/courses/${id(courseId)}/cohorts`, body, { idempotencyKey }),
  getCohort: (cohortId: string) => http.get<Cohort>(`${base}/cohorts/${id(cohortId)}`),
  updateCohort: (cohortId: string, patch: Schemas['CohortPatch']) => http.patch<Cohort>(`${base}/cohorts/${id(cohortId)}`, patch),
  courseEnrolments: (courseId: string, query: { cohortId?: string; status?: EnrolmentStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Enrolment>>(`${base}/courses/${id(courseId)}/enrollments`, query),
  getEnrolment: (enrolmentId: string) => http.get<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`),
  changeEnrolment: (enrolmentId: string, patch: Schemas['EnrolmentPatch']) =>
    http.patch<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`, patch),
  recordAttendance: (enrolmentId: string, body: Schemas['AttendanceInput']) =>
    http.post<Attendance>(`${base}/enrollments/${id(enrolmentId)}/attendance`, body),
  attendance: (enrolmentId: string) => http.get<AttendanceList>(`${base}/enrollments/${id(enrolmentId)}/attendance`),
  certificate: (certificateId: string) => http.get<Certificate>(`${base}/certificates/${id(certificateId)}`),
  catalogue: (query: { provinceCode?: string; occupationCode?: string; minSeatsLeft?: number; limit?: number; cursor?: string } = {}) =>
    http.get<Page<CatalogueEntry>>(`${base}/catalogue`, query),
};
