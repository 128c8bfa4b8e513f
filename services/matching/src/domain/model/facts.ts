/**
 * The facts matching learns from events, as the domain reads them (the consumers map the contract
 * payloads onto these). Only what ARCHITECTURE §2 lets matching know; nothing else is kept.
 */
export interface ProfileFacts {
  returneeId: string;
  revision: number;
  consent: { matching: boolean; discoverable: boolean; shareWithEmployers: boolean };
  /** Present only while the returnee consents to matching. */
  matching?: {
    provinceCode: string;
    communeCode: string;
    skills: readonly string[];
    certificates: readonly { certificateId?: string; skills: readonly string[] }[];
    needs: readonly string[];
    availableFrom?: string;
    ageYears: number;
    gender?: string;
    prefersStable?: boolean;
    needsHousing?: boolean;
    goal?: string;
    /** Additive, optional: light | moderate | heavy. */
    physicalCapacity?: string;
  };
  /** Present only with `shareWithEmployers`: the given name is all an employer may see. */
  employerView?: { givenName: string };
  /** Present only with `shareWithBank`: Decision 22/2023 eligibility facts. */
  bankView?: { creditWindowEndsOn: string; releaseKindEligible: boolean };
}

export interface RestrictionFacts {
  returneeId: string;
  revision: number;
  bannedOccupations: readonly { code: string; until: string }[];
  bannedAreas: readonly { provinceCode: string; communeCode?: string; until: string }[];
  supervisedCommune?: { provinceCode: string; communeCode: string; until: string };
  noStateAgencyWork: boolean;
  noStateAgencyWorkUntil?: string;
}

export interface CertificateFacts {
  certificateId: string;
  returneeId: string;
  skills: readonly string[];
}

export interface TransferFacts {
  returneeId: string;
  from: { provinceCode: string; communeCode: string };
  to: { provinceCode: string; communeCode: string };
}

export type JobStatus = 'open' | 'draft' | 'filled' | 'closed' | 'expired';

export interface JobFacts {
  jobId: string;
  employerOrgId: string;
  title: string;
  occupationCode: string;
  skills: readonly string[];
  niceToHaveSkills?: readonly string[];
  provinceCode: string;
  communeCode: string;
  employmentType: 'stable' | 'seasonal';
  seasonStart?: string;
  seasonEnd?: string;
  /** Additive, optional: when work starts for a stable job. */
  startsOn?: string;
  openings: number;
  filled?: number;
  wageMinVnd: number;
  wageMaxVnd: number;
  accommodation?: boolean;
  minimumAge?: number;
  physicalDemands?: string;
  stateAgency?: boolean;
  closesAt?: string;
  status: JobStatus | string;
  verifiedEmployer?: boolean;
  /** Orders the posted/updated events of one job, which travel on two topics. */
  updatedAt?: string;
}

export interface CohortFacts {
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  title: string;
  occupationCode: string;
  skillsGranted: readonly string[];
  provinceCode: string;
  communeCode?: string;
  delivery: string;
  startsOn: string;
  endsOn: string;
  seatsLeft: number;
  tuitionVnd: number;
  support: readonly { kind: string; amountVnd?: number }[];
  status: string;
}

export interface LoanProductFacts {
  productCode: string;
  purpose: string;
  maxAmountVnd: number;
  maxTermMonths: number;
  monthlyRatePercent: number;
  effectiveFrom: string;
  titleVi: string;
  titleEn: string;
}
