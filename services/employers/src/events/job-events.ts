import { jobPostedV1, jobUpdatedV1, type JobStateV1 } from '@hoanhap/contracts';
import { effectiveStatus } from '../domain/job.rules';
import type { Job } from '../domain/job.types';
import { type OutgoingEvent, outgoing } from '../domain/outgoing-event';

const dropUndefined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The job's full state as matching and reports read it (the status as shown, expiry included). */
export function jobState(job: Job, now: Date): JobStateV1 {
  return dropUndefined({
    jobId: job.id,
    employerOrgId: job.employerOrgId,
    title: job.title,
    occupationCode: job.occupationCode,
    skills: job.skills,
    niceToHaveSkills: job.niceToHaveSkills,
    provinceCode: job.provinceCode,
    communeCode: job.communeCode,
    employmentType: job.employmentType,
    seasonStart: job.seasonStart,
    seasonEnd: job.seasonEnd,
    openings: job.openings,
    filled: job.filled,
    wageMinVnd: job.wageMinVnd,
    wageMaxVnd: job.wageMaxVnd,
    hoursPerWeek: job.hoursPerWeek,
    shifts: job.shifts,
    accommodation: job.accommodation,
    meals: job.meals,
    trainingOnTheJob: job.trainingOnTheJob,
    minimumAge: job.minimumAge,
    physicalDemands: job.physicalDemands,
    stateAgency: job.stateAgency,
    closesAt: job.closesAt?.toISOString(),
    status: effectiveStatus(job, now),
    verifiedEmployer: job.verifiedEmployer,
    updatedAt: job.updatedAt.toISOString(),
  });
}

export function jobPosted(job: Job, now: Date): OutgoingEvent {
  const state = jobState(job, now);
  return outgoing(jobPostedV1, { ...state, status: state.status === 'draft' ? 'draft' : 'open' });
}

export const jobUpdated = (job: Job, now: Date): OutgoingEvent => outgoing(jobUpdatedV1, jobState(job, now));
