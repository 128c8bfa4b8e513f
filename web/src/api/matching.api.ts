import { http } from './http';

/** Why matching proposes something: its points and its words in Vietnamese and English (services/matching/openapi.yaml `Reason`). */
export interface MatchReason {
  code: string;
  points: number;
  vi: string;
  en: string;
}

export interface JobMatch {
  jobId: string;
  title: string;
  occupationCode: string;
  employerOrgId: string;
  provinceCode: string;
  communeCode: string;
  employmentType: 'stable' | 'seasonal';
  wageMinVnd: number;
  wageMaxVnd: number;
  accommodation: boolean;
  score: number;
  reasons: MatchReason[];
}
export interface CourseMatch {
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  title: string;
  occupationCode: string;
  provinceCode: string;
  communeCode?: string;
  delivery: string;
  startsOn: string;
  endsOn: string;
  seatsLeft: number;
  tuitionVnd: number;
  skillGap: { skill: string; openJobs: number }[];
  score: number;
  reasons: MatchReason[];
}
export interface CreditMatch {
  productCode: string;
  purpose: 'production' | 'training' | 'business';
  titleVi: string;
  titleEn: string;
  maxAmountVnd: number;
  maxTermMonths: number;
  monthlyRatePercent: number;
  eligibility: 'eligible' | 'unknown';
  score: number;
  reasons: MatchReason[];
}
export interface CandidateMatch {
  returneeId: string;
  givenName?: string;
  score: number;
  reasons: MatchReason[];
}

/** A ranking, not a listing: `nextCursor` is always null. */
export interface Ranking<T> {
  items: T[];
  nextCursor: null;
}

const id = (value: string) => encodeURIComponent(value);

/** matching: explained proposals for a returnee, and discoverable candidates for a job (gateway prefix /api/matching). */
export const matchingApi = {
  jobsFor: (returneeId: string, limit = 20) => http.get<Ranking<JobMatch> & { returneeId: string }>(`/api/matching/returnees/${id(returneeId)}/jobs`, { limit }),
  coursesFor: (returneeId: string, limit = 20) => http.get<Ranking<CourseMatch> & { returneeId: string }>(`/api/matching/returnees/${id(returneeId)}/courses`, { limit }),
  creditFor: (returneeId: string, limit = 20) => http.get<Ranking<CreditMatch> & { returneeId: string }>(`/api/matching/returnees/${id(returneeId)}/credit`, { limit }),
  // a job posted a moment ago may not have reached matching yet: it waits up to 5 s for it rather than answer 409
  candidatesFor: (jobId: string, limit = 20) =>
    http.get<Ranking<CandidateMatch> & { jobId: string }>(`/api/matching/jobs/${id(jobId)}/candidates`, { limit, waitMs: 5000 }),
};

/** The words of a reason in the UI language. */
export function reasonText(reason: MatchReason, language: string): string {
  return language.startsWith('en') ? reason.en : reason.vi;
}

/** A score as the UI shows it: one decimal, the language's separator. */
export function formatScore(score: number, language: string): string {
  return score.toLocaleString(language.startsWith('en') ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 });
}
