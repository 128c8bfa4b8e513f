import { http, type Page } from './http';

export type CohortStatus = 'planned' | 'open' | 'running' | 'finished' | 'cancelled';
export type EnrolmentStatus = 'new' | 'enrolled' | 'waitlisted' | 'completed' | 'declined' | 'dropped' | 'withdrawn';
export type Delivery = 'college' | 'prison' | 'commune';

export interface CourseInput {
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  provinceCode: string;
  communeCode?: string;
  durationWeeks: number;
  tuitionVnd: number;
  level?: 'short' | 'elementary' | 'intermediate';
  delivery?: Delivery;
  trainingLoanEligible?: boolean;
  startsAt?: string;
  seats?: number;
  schedule?: string;
}

export interface Cohort {
  id: string;
  courseId: string;
  collegeOrgId: string;
  startsOn: string;
  endsOn: string;
  location: { provinceCode: string; communeCode?: string; name?: string; address?: string };
  seats: number;
  seatsLeft: number;
  status: CohortStatus;
  schedule?: string;
  [extra: string]: unknown;
}

export interface Course {
  id: string;
  collegeOrgId: string;
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  level: string;
  durationWeeks: number;
  delivery: Delivery;
  provinceCode: string;
  tuitionVnd: number;
  netTuitionVnd: number;
  trainingLoan?: { eligible?: boolean; maxVndPerMonth?: number; months?: number; maxTotalVnd?: number };
  firstCohort?: Cohort;
  [extra: string]: unknown;
}

export interface Enrolment {
  id: string;
  cohortId: string;
  courseId: string;
  returneeId: string;
  source: string;
  status: EnrolmentStatus;
  waitlistPosition?: number;
  certificateId?: string;
  result?: string;
  reason?: string;
  returnee: { id: string; consented: boolean; givenName?: string; skills?: string[] };
  [extra: string]: unknown;
}

export interface Attendance {
  enrolmentId: string;
  date: string;
  present: boolean;
}

export interface Certificate {
  id: string;
  number: string;
  returneeId: string;
  cohortId: string;
  skills: string[];
  occupationCode: string;
  issuedOn: string;
  [extra: string]: unknown;
}

/** A cohort as the catalogue lists it (with its course's title and college). */
export interface CatalogueEntry {
  cohortId?: string;
  id?: string;
  courseId?: string;
  title?: string;
  course?: { title?: string; occupationCode?: string; tuitionVnd?: number; netTuitionVnd?: number };
  collegeName?: string;
  startsOn?: string;
  seatsLeft?: number;
  netTuitionVnd?: number;
  provinceCode?: string;
  [extra: string]: unknown;
}

const base = '/api/colleges';
const id = (value: string) => encodeURIComponent(value);

/** colleges: courses, cohorts, enrolments, attendance and certificates. */
export const collegesApi = {
  listCourses: (query: { limit?: number; cursor?: string } = {}) => http.get<Page<Course>>(`${base}/courses`, query),
  getCourse: (courseId: string) => http.get<Course>(`${base}/courses/${id(courseId)}`),
  createCourse: (body: CourseInput, idempotencyKey: string) => http.post<Course>(`${base}/courses`, body, { idempotencyKey }),
  listCohorts: (courseId: string, cursor?: string) => http.get<Page<Cohort>>(`${base}/courses/${id(courseId)}/cohorts`, { limit: 50, cursor }),
  createCohort: (courseId: string, body: { startsOn: string; seats: number; endsOn?: string; schedule?: string; status?: 'planned' | 'open' }, idempotencyKey: string) =>
    http.post<Cohort>(`${base}/courses/${id(courseId)}/cohorts`, body, { idempotencyKey }),
  getCohort: (cohortId: string) => http.get<Cohort & { courseTitle?: string }>(`${base}/cohorts/${id(cohortId)}`),
  updateCohort: (cohortId: string, patch: { status?: CohortStatus; seats?: number }) => http.patch<Cohort>(`${base}/cohorts/${id(cohortId)}`, patch),
  courseEnrolments: (courseId: string, query: { cohortId?: string; status?: EnrolmentStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Enrolment>>(`${base}/courses/${id(courseId)}/enrollments`, query),
  getEnrolment: (enrolmentId: string) => http.get<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`),
  changeEnrolment: (enrolmentId: string, patch: { status: 'enrolled' | 'completed' | 'dropped' | 'declined'; result?: string; reason?: string }) =>
    http.patch<Enrolment>(`${base}/enrollments/${id(enrolmentId)}`, patch),
  recordAttendance: (enrolmentId: string, body: { date: string; present: boolean }) => http.post<Attendance>(`${base}/enrollments/${id(enrolmentId)}/attendance`, body),
  attendance: (enrolmentId: string) => http.get<Page<Attendance>>(`${base}/enrollments/${id(enrolmentId)}/attendance`),
  certificate: (certificateId: string) => http.get<Certificate>(`${base}/certificates/${id(certificateId)}`),
  catalogue: (query: { provinceCode?: string; occupationCode?: string; minSeatsLeft?: number; limit?: number; cursor?: string } = {}) =>
    http.get<Page<CatalogueEntry>>(`${base}/catalogue`, query),
};
