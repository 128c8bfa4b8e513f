import { http, type Page } from './http';

export type EmploymentType = 'stable' | 'seasonal';
export type JobStatus = 'draft' | 'open' | 'filled' | 'closed' | 'expired';
export type ApplicationStatus = 'new' | 'interview' | 'offered' | 'hired' | 'declined' | 'withdrawn';
export type DeclineReason = 'skills-mismatch' | 'position-filled' | 'candidate-declined' | 'no-show' | 'failed-interview' | 'job-cancelled' | 'other';
export type ContractType = 'indefinite' | 'fixed-term' | 'seasonal' | 'probation';
export const DECLINE_REASONS: DeclineReason[] = ['skills-mismatch', 'position-filled', 'candidate-declined', 'no-show', 'failed-interview', 'job-cancelled', 'other'];
export const CONTRACT_TYPES: ContractType[] = ['indefinite', 'fixed-term', 'seasonal', 'probation'];

export interface JobInput {
  title: string;
  occupationCode: string;
  skills: string[];
  provinceCode: string;
  communeCode: string;
  workAddress?: string;
  employmentType: EmploymentType;
  openings: number;
  wageMinVnd: number;
  wageMaxVnd: number;
  hoursPerWeek?: number;
  accommodation?: boolean;
  meals?: boolean;
  trainingOnTheJob?: boolean;
  minimumAge?: number;
  description?: string;
  closesAt?: string;
  status?: 'draft' | 'open';
}

export interface Job extends Omit<JobInput, 'status'> {
  id: string;
  employerOrgId: string;
  employerName?: string;
  verifiedEmployer: boolean;
  filled: number;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Candidate {
  givenName: string;
  skills: string[];
  certificates: { number?: string; occupationCode?: string; skills?: string[]; issuedOn?: string }[];
  availableFrom?: string;
}

export interface Application {
  id: string;
  referralId: string;
  jobId: string;
  jobTitle?: string;
  employerOrgId: string;
  returneeId: string;
  candidate: Candidate | null;
  status: ApplicationStatus;
  openedAt?: string;
  interviewAt?: string;
  startDate?: string;
  contractType?: ContractType;
  reason?: DeclineReason;
  reasonNote?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationPatch {
  status: 'interview' | 'offered' | 'hired' | 'declined';
  interviewAt?: string;
  startDate?: string;
  contractType?: ContractType;
  reason?: DeclineReason;
  reasonNote?: string;
}

export interface Dashboard {
  openJobs: number;
  openings?: number;
  candidatesByStage: Partial<Record<ApplicationStatus, number>>;
  hires: number;
  retention: Record<'month3' | 'month6' | 'month12', { checked: number; stillEmployed: number; rate: number | null }>;
}

const base = '/api/employers';
const id = (value: string) => encodeURIComponent(value);

/** employers: jobs, applications from referrals, invitations and the employer's dashboard. */
export const employersApi = {
  listJobs: (query: { provinceCode?: string; communeCode?: string; occupationCode?: string; status?: JobStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Job>>(`${base}/jobs`, query),
  getJob: (jobId: string) => http.get<Job>(`${base}/jobs/${id(jobId)}`),
  postJob: (body: JobInput, idempotencyKey: string) => http.post<Job>(`${base}/jobs`, body, { idempotencyKey }),
  updateJob: (jobId: string, changes: Partial<JobInput> | { status: 'open' | 'closed' }) => http.patch<Job>(`${base}/jobs/${id(jobId)}`, changes),
  jobApplications: (jobId: string, query: { status?: ApplicationStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Application>>(`${base}/jobs/${id(jobId)}/applications`, query),
  listApplications: (query: { status?: ApplicationStatus; jobId?: string; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Application>>(`${base}/applications`, query),
  getApplication: (applicationId: string) => http.get<Application>(`${base}/applications/${id(applicationId)}`),
  changeApplication: (applicationId: string, patch: ApplicationPatch) => http.patch<Application>(`${base}/applications/${id(applicationId)}`, patch),
  requestInvitation: (body: { jobId: string; returneeId: string; message?: string }, idempotencyKey: string) =>
    http.post<{ id: string; status: string }>(`${base}/invitations`, body, { idempotencyKey }),
  dashboard: () => http.get<Dashboard>(`${base}/dashboard`),
};
