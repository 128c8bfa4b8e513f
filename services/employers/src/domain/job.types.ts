export const EMPLOYMENT_TYPES = ['stable', 'seasonal'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** draft → open → filled | closed | expired (ARCHITECTURE §3); `expired` also shows at read once closesAt passes. */
export const JOB_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type Shift = 'day' | 'night' | 'rotating' | 'weekend';
export type PhysicalDemands = 'light' | 'moderate' | 'heavy';

/** What an employer writes about a job. */
export interface JobFields {
  title: string;
  occupationCode: string;
  skills: string[];
  niceToHaveSkills: string[];
  provinceCode: string;
  communeCode: string;
  workAddress?: string;
  employmentType: EmploymentType;
  /** YYYY-MM-DD, seasonal work only. */
  seasonStart?: string;
  seasonEnd?: string;
  openings: number;
  wageMinVnd: number;
  wageMaxVnd: number;
  hoursPerWeek?: number;
  shifts: Shift[];
  accommodation: boolean;
  meals: boolean;
  trainingOnTheJob: boolean;
  minimumAge?: number;
  physicalDemands?: PhysicalDemands;
  description?: string;
  closesAt?: Date;
}

export interface Job extends JobFields {
  id: string;
  employerOrgId: string;
  employerName?: string;
  verifiedEmployer: boolean;
  /** The post is a state-agency one (Penal Code Art. 44), for matching's exclusions. */
  stateAgency: boolean;
  /** As stored; read {@link effectiveStatus} for what to show. */
  status: JobStatus;
  /** Hires made, counted from the openings claimed. */
  filled: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A job as the API receives it: dates are strings, optional flags may be missing. */
export type JobInput = Omit<JobFields, 'closesAt' | 'niceToHaveSkills' | 'shifts' | 'accommodation' | 'meals' | 'trainingOnTheJob'> &
  Partial<Pick<JobFields, 'niceToHaveSkills' | 'shifts' | 'accommodation' | 'meals' | 'trainingOnTheJob'>> & {
    closesAt?: string;
    status?: 'draft' | 'open';
  };

export type JobPatch = Partial<Omit<JobInput, 'status'>> & { status?: 'open' | 'closed' };

export interface JobFilter {
  employerOrgId?: string;
  provinceCode?: string;
  communeCode?: string;
  occupationCode?: string;
  employmentType?: EmploymentType;
  wageMin?: number;
  status?: JobStatus;
  /** Statuses a caller may never see (officers never see drafts). */
  excludeStatuses?: JobStatus[];
  verifiedOnly?: boolean;
}
