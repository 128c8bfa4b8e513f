import { http, type Page } from './http';

/** A reason matching gives for a proposal ("same commune", "has welding skill"). */
export type MatchReason = string | { code?: string; text?: string; message?: string; vi?: string; en?: string; label?: string };

export interface JobMatch {
  jobId?: string;
  id?: string;
  title?: string;
  employerName?: string;
  provinceCode?: string;
  communeCode?: string;
  occupationCode?: string;
  employmentType?: string;
  wageMinVnd?: number;
  wageMaxVnd?: number;
  score?: number;
  reasons?: MatchReason[];
}
export interface CourseMatch {
  cohortId?: string;
  courseId?: string;
  id?: string;
  title?: string;
  collegeName?: string;
  startsAt?: string;
  seatsLeft?: number;
  tuitionVnd?: number;
  score?: number;
  reasons?: MatchReason[];
}
export interface CreditMatch {
  productId?: string;
  id?: string;
  purpose?: string;
  title?: string;
  maxAmountVnd?: number;
  termMonths?: number;
  eligible?: boolean;
  score?: number;
  reasons?: MatchReason[];
}
export interface CandidateMatch {
  returneeId: string;
  givenName?: string;
  skills?: string[];
  communeCode?: string;
  provinceCode?: string;
  availableFrom?: string;
  score?: number;
  reasons?: MatchReason[];
}

const id = (value: string) => encodeURIComponent(value);

/** matching: explained proposals for a returnee, and discoverable candidates for a job. */
export const matchingApi = {
  jobsFor: (returneeId: string, limit = 20) => http.get<Page<JobMatch>>(`/api/matching/returnees/${id(returneeId)}/jobs`, { limit }),
  coursesFor: (returneeId: string, limit = 20) => http.get<Page<CourseMatch>>(`/api/matching/returnees/${id(returneeId)}/courses`, { limit }),
  creditFor: (returneeId: string, limit = 20) => http.get<Page<CreditMatch>>(`/api/matching/returnees/${id(returneeId)}/credit`, { limit }),
  candidatesFor: (jobId: string, limit = 20) => http.get<Page<CandidateMatch>>(`/api/matching/jobs/${id(jobId)}/candidates`, { limit }),
};

/** The words of a reason in the UI language, whatever shape the service sends. */
export function reasonText(reason: MatchReason, language: string): string {
  if (typeof reason === 'string') return reason;
  return (language === 'en' ? reason.en : reason.vi) ?? reason.text ?? reason.message ?? reason.label ?? reason.code ?? '';
}
