import type { components, operations } from '@hoanhap/contracts/src/generated/matching';
import { http, type JsonAnswer } from './http';

type Schemas = components['schemas'];

/** Why matching proposes something: its points and its words in Vietnamese and English (services/matching/openapi.yaml `Reason`). */
export type MatchReason = Schemas['Reason'];
export type JobMatch = Schemas['JobMatch'];
export type CourseMatch = Schemas['CourseMatch'];
export type CreditMatch = Schemas['CreditMatch'];
export type CandidateMatch = Schemas['CandidateMatch'];

const id = (value: string) => encodeURIComponent(value);

/** matching: explained proposals (each a ranking, not a listing: `nextCursor` is always null) for a returnee, and discoverable candidates for a job (gateway prefix /api/matching). */
export const matchingApi = {
  jobsFor: (returneeId: string, limit = 20) =>
    http.get<JsonAnswer<operations['matchJobsForReturnee']>>(`/api/matching/returnees/${id(returneeId)}/jobs`, { limit }),
  coursesFor: (returneeId: string, limit = 20) =>
    http.get<JsonAnswer<operations['matchCoursesForReturnee']>>(`/api/matching/returnees/${id(returneeId)}/courses`, { limit }),
  creditFor: (returneeId: string, limit = 20) =>
    http.get<JsonAnswer<operations['matchCreditForReturnee']>>(`/api/matching/returnees/${id(returneeId)}/credit`, { limit }),
  // a job posted a moment ago may not have reached matching yet: it waits up to 5 s for it rather than answer 409
  candidatesFor: (jobId: string, limit = 20) =>
    http.get<JsonAnswer<operations['matchCandidatesForJob']>>(`/api/matching/jobs/${id(jobId)}/candidates`, { limit, waitMs: 5000 }),
};

/** The words of a reason in the UI language. */
export function reasonText(reason: MatchReason, language: string): string {
  return language.startsWith('en') ? reason.en : reason.vi;
}

/** A score as the UI shows it: one decimal, the language's separator. */
export function formatScore(score: number, language: string): string {
  return score.toLocaleString(language.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 });
}
