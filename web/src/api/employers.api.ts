import type { components } from '@hoanhap/contracts/src/generated/employers';
import { everyOf, http } from './http';

type Schemas = components['schemas'];

export type EmploymentType = Schemas['EmploymentType'];
export type JobStatus = Schemas['JobStatus'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type ApplicationPatch = Schemas['ApplicationPatch'];
export type DeclineReason = NonNullable<ApplicationPatch['reason']>;
export type ContractType = NonNullable<ApplicationPatch['contractType']>;
export const DECLINE_REASONS = everyOf<DeclineReason>()([
  'skills-mismatch',
  'position-filled',
  'candidate-declined',
  'no-show',
  'failed-interview',
  'job-cancelled',
  'other',
]);
export const CONTRACT_TYPES = everyOf<ContractType>()(['indefinite', 'fixed-term', 'seasonal', 'probation']);

export type JobInput = Schemas['JobInput'];
export type Job = Schemas['Job'];
/** What the returnee consented to share with employers; null while not shared. */
export type Candidate = Schemas['Candidate'];
export type Application = Schemas['Application'];
export type Dashboard = Schemas['Dashboard'];

const base = '/api/employers';
const id = (value: string) => encodeURIComponent(value);

/** employers: jobs, applications from referrals, invitations and the employer's dashboard. */
export const employersApi = {
  listJobs: (
    query: {
      provinceCode?: string;
      communeCode?: string;
      occupationCode?: string;
      status?: JobStatus;
      limit?: number;
      cursor?: string;
    } = {},
  ) => http.get<Schemas['JobPage']>(`${base}/jobs`, query),
  getJob: (jobId: string) => http.get<Job>(`${base}/jobs/${id(jobId)}`),
  postJob: (body: JobInput, idempotencyKey: string) => http.post<Job>(`${base}/jobs`, body, { idempotencyKey }),
  updateJob: (jobId: string, changes: Schemas['JobPatch']) => http.patch<Job>(`${base}/jobs/${id(jobId)}`, changes),
  jobApplications: (jobId: string, query: { status?: ApplicationStatus; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['ApplicationPage']>(`${base}/jobs/${id(jobId)}/applications`, query),
  listApplications: (query: { status?: ApplicationStatus; jobId?: string; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['ApplicationPage']>(`${base}/applications`, query),
  getApplication: (applicationId: string) => http.get<Application>(`${base}/applications/${id(applicationId)}`),
  changeApplication: (applicationId: string, patch: ApplicationPatch) =>
    http.patch<Application>(`${base}/applications/${id(applicationId)}`, patch),
  requestInvitation: (body: Schemas['InvitationInput'], idempotencyKey: string) =>
    http.post<Schemas['Invitation']>(`${base}/invitations`, body, { idempotencyKey }),
  dashboard: () => http.get<Dashboard>(`${base}/dashboard`),
};
