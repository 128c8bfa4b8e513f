export const SECTORS = ['private', 'state-owned', 'cooperative', 'household-business', 'social-enterprise', 'public-service-unit'] as const;
export type Sector = (typeof SECTORS)[number];
export const SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];
export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What the employer writes about itself (PUT /organisations/me). */
export interface OrganisationProfile {
  name: string;
  taxCode?: string;
  sector?: Sector;
  provinceCode: string;
  communeCode?: string;
  address?: string;
  contact?: { name: string; phone?: string; email?: string };
  size?: Size;
  employeeCount?: number;
}

export interface Pledge {
  /** The pledge text's version, so a later text can ask for a new acceptance. */
  version: string;
  acceptedByName: string;
  acceptedByTitle?: string;
  acceptedAt: Date;
}

export interface Verification {
  status: VerificationStatus;
  decidedBy?: string;
  decidedByRole?: string;
  decidedAt?: Date;
  note?: string;
}

/** An employer organisation; its id is identity's organisation id (the token's orgId). */
export interface Organisation extends OrganisationProfile {
  id: string;
  pledge: Pledge | null;
  verification: Verification;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrganisationFilter {
  provinceCode?: string;
  verification?: VerificationStatus;
}
