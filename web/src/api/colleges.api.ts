import type { components } from '@hoanhap/contracts/src/generated/colleges';
import { http } from './http';

type Schemas = components['schemas'];

export type CohortStatus = Schemas['CohortStatus'];
export type EnrolmentStatus = Schemas['EnrolmentStatus'];
export type Delivery = Schemas['Delivery'];
export type CourseInput = Schemas['CourseInput'];
export type Cohort = Schemas['Cohort'];
export type Course = Schemas['Course'];
export type Enrolment = Schemas['Enrolment'];
export type Attendance = Schemas['Attendance'];
/** Every recorded day with the totals (no cursor). */
export type AttendanceList = Schemas['AttendanceList'];
export type Certificate = Schemas['Certificate'];
/** A cohort as the catalogue lists it, shaped after Open Referral HSDS; `organization.name` is missing while the college has no profile. */
export type CatalogueEntry = Schemas['CatalogueEntry'];

const base = '/api/colleges';
const id = (value: string) => encodeURIComponent(value);

/** colleges: courses, cohorts, enrolments, attendance and certificates. */
export const collegesApi = {
  listCourses: (query: { limit?: number; cursor?: string } = {}) => http.get<Schemas['CoursePage']>(`${base}/courses`, query),
  getCourse: (courseId: string) => http.get<Course>(`${base}/courses/${id(courseId)}`),
  createCourse: (body: CourseInput, idempotencyKey: string) => http.post<Course>(`${base}/courses`, body, { idempotencyKey }),
  listCohorts: (courseId: string, cursor?: string) =>
    http.get<Schemas['CohortPage']>(`${base}/courses/${id(courseId)}/cohorts`, { limit: 50, cursor }),
  createCohort: (courseId: string, body: Schemas['CohortInput'], idempotencyKey: string) =>
    http.post<Cohort>(`${base}/courses/${id(courseId)}/cohorts`, body, { idempotencyKey }),
  getCohort: (cohortId: string) => http.get<Cohort>(`${base}/cohorts/${id(cohortId)}`),
  updateCohort: (cohortId: string, patch: Schemas['CohortPatch']) => http.patch<Cohort>(`${base}/cohorts/${id(cohortId)}`, patch),
  courseEnrolments: (courseId: string, query: { cohortId?: string; status?: EnrolmentStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['EnrolmentPage']>(`${base}/courses/${id(courseId)}/enrollments`, query),
  getEnrolment: (enrolmentId: string) => http.get<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`),
  changeEnrolment: (enrolmentId: string, patch: Schemas['EnrolmentPatch']) =>
    http.patch<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`, patch),
  recordAttendance: (enrolmentId: string, body: Schemas['AttendanceInput']) =>
    http.post<Attendance>(`${base}/enrollments/${id(enrolmentId)}/attendance`, body),
  attendance: (enrolmentId: string) => http.get<AttendanceList>(`${base}/enrollments/${id(enrolmentId)}/attendance`),
  certificate: (certificateId: string) => http.get<Certificate>(`${base}/certificates/${id(certificateId)}`),
  catalogue: (query: { provinceCode?: string; occupationCode?: string; minSeatsLeft?: number; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['CataloguePage']>(`${base}/catalogue`, query),
};
