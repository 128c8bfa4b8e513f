/** Plain shapes the repositories return and the use cases work with (no mongoose here). */

export interface College {
  id: string; // the college's organisation id in identity (JWT orgId)
  name: string;
  licenceNumber: string;
  licenceIssuedBy?: string;
  provinceCode: string;
  communeCode?: string;
  address?: string;
  contact: { person?: string; phone?: string; email?: string; website?: string };
  updatedAt: Date;
}

export const COURSE_LEVELS = ['short', 'elementary', 'intermediate'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export const DELIVERIES = ['college', 'prison', 'commune'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const SUPPORT_KINDS = ['tuition-exempt', 'tuition-reduced', 'meal-allowance', 'travel-allowance', 'accommodation'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface Support {
  kind: SupportKind;
  amountVnd?: number;
  note?: string;
}

export interface CourseFields {
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  level: CourseLevel;
  durationWeeks: number;
  delivery: Delivery;
  provinceCode: string;
  communeCode?: string;
  tuitionVnd: number;
  support: Support[];
  trainingLoanEligible: boolean;
  languages: string[];
  prerequisites: string[];
  description?: string;
}

export interface Course extends CourseFields {
  id: string;
  collegeOrgId: string;
  /** Tuition after exemptions and reductions: what the catalogue's freeOnly filter reads. */
  netTuitionVnd: number;
  createdAt: Date;
  updatedAt: Date;
}

export const COHORT_STATUSES = ['planned', 'open', 'running', 'finished', 'cancelled'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export interface Location {
  provinceCode: string;
  communeCode?: string;
  name?: string;
  address?: string;
}

export interface Cohort {
  id: string;
  courseId: string;
  collegeOrgId: string;
  startsOn: string; // YYYY-MM-DD
  endsOn: string;
  location: Location;
  /** Seats offered now. */
  seats: number;
  /** Slot numbers claims may take (≥ seats); seats below it are closed by sentinel claims, see cohort-seats. */
  slotSpace: number;
  /** Last recomputed seats left: a hint for the catalogue filter; answers recount live. */
  seatsLeft: number;
  schedule?: string;
  status: CohortStatus;
  /** Copied from the course so the catalogue is one query (FerretDB has no $lookup). */
  course: Pick<Course, 'title' | 'occupationCode' | 'skillsGranted' | 'delivery' | 'tuitionVnd' | 'netTuitionVnd' | 'level'> & { support: Support[] };
  createdAt: Date;
  updatedAt: Date;
}

export const ENROLMENT_STATUSES = ['new', 'enrolled', 'waitlisted', 'completed', 'declined', 'dropped', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface Enrolment {
  id: string;
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  returneeId: string;
  referralId?: string;
  source: 'referral' | 'roster';
  status: EnrolmentStatus;
  /** When the person joined the waiting list: the list is served in this order. */
  waitlistedAt?: Date;
  reason?: string;
  result?: string;
  certificateId?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Certificate {
  id: string;
  number: string;
  enrolmentId: string;
  returneeId: string;
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  courseTitle: string;
  occupationCode: string;
  skills: string[];
  result?: string;
  issuedOn: string;
}

export interface AttendanceRecord {
  enrolmentId: string;
  date: string;
  present: boolean;
  recordedBy: string;
  recordedAt: Date;
}

/** What colleges may know of a returnee: the consented college view from cases, nothing else. */
export interface ReturneeView {
  returneeId: string;
  revision: number;
  collegeView?: { givenName: string; skills: string[] };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Caller {
  sub: string;
  role: string;
  orgId?: string;
}
