import type { EventDefinition } from '@hoanhap/contracts';
import type { IdempotencyCache } from '@hoanhap/kit';
import type { AttendanceRepository } from '../store/attendance.repository';
import type { CertificateRepository } from '../store/certificate.repository';
import type { CohortRepository } from '../store/cohort.repository';
import type { CollegeRepository } from '../store/college.repository';
import type { CourseRepository } from '../store/course.repository';
import type { EnrolmentRepository } from '../store/enrolment.repository';
import type { ReturneeRepository } from '../store/returnee.repository';
import type { SeatRepository } from '../store/seat.repository';
import type { KeyedQueue } from './keyed-queue';
import type { TrainingLoanFigures } from './training-support.rules';

/** Which request or event led to a change: carried into the events it publishes. */
export interface Cause {
  correlationId?: string;
  causationId?: string;
}

/** An event to publish with a change; stored in the same document write as the change (the outbox). */
export interface OutgoingEvent {
  definition: EventDefinition;
  payload: unknown;
  key: string;
}

/**
 * What a change of one aggregate (enrolment, cohort, certificate) returns: its whole new state and the
 * events it causes. No `next` (or the current state unchanged, without events) writes nothing.
 */
export interface Change<S> {
  next?: S;
  events?: OutgoingEvent[];
}

/**
 * Writes of one kind of aggregate. `change` runs `fn` as the only writer of that aggregate (FerretDB updates
 * rewrite whole documents, so two writers could lose one another's change) and stores the new state with its
 * events in one write. A new aggregate is an insert: a unique index may refuse it (code 11000).
 */
export interface AggregateWriter<S> {
  change(id: string, fn: (current: S | undefined) => Change<S> | Promise<Change<S>>, cause: Cause): Promise<S | undefined>;
}

export interface CollegesSettings {
  trainingLoan: TrainingLoanFigures;
  notYetKnownRetryAfterSec: number;
}

/** What the use cases work with; built once in app.ts. */
export interface CollegesContext {
  colleges: CollegeRepository;
  courses: CourseRepository;
  cohorts: CohortRepository;
  enrolments: EnrolmentRepository;
  seats: SeatRepository;
  certificates: CertificateRepository;
  attendance: AttendanceRepository;
  returnees: ReturneeRepository;
  /** Cohort recounts merged per cohort; course edits one at a time per course (courses carry no events). */
  queues: { settle: KeyedQueue; courses: KeyedQueue };
  settings: CollegesSettings;
  idempotencyCache?: IdempotencyCache;
}
