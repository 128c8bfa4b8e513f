import type { Role } from '@hoanhap/auth';

export const ORGANISATION_KINDS = ['police-unit', 'employer', 'college', 'bank-branch', 'admin'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  provinceCode: string;
  communeCode?: string;
  createdAt: Date;
}

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  /** Copied from the organisation at creation: the province the user works in, a claim of every token. */
  provinceCode: string;
  status: UserStatus;
  createdAt: Date;
  disabledAt?: Date;
}

/** A user as stored, with the password hash that never leaves the domain. */
export interface UserWithSecret extends User {
  passwordHash: string;
}

/** One page of a list and where the next starts; a page starts after a (createdAt, id), the order lists use. */
export type { CreatedAtPosition as PagePosition, Page } from '@hoanhap/kit';
