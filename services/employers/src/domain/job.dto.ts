import { effectiveStatus } from './job.rules';
import type { Job } from './job.types';

/** A job as the API shows it: the status as of now (expiry included), dates as ISO strings. */
export function jobDto(job: Job, now: Date) {
  const { closesAt, createdAt, updatedAt, ...rest } = job;
  return {
    ...rest,
    status: effectiveStatus(job, now),
    ...(closesAt ? { closesAt: closesAt.toISOString() } : {}),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type JobDto = ReturnType<typeof jobDto>;
