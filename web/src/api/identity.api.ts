import { http, type Page } from './http';

export type Role = 'officer' | 'employer' | 'college' | 'bank' | 'admin' | 'returnee';
export type StaffRole = Exclude<Role, 'returnee'>;
export type OrganisationKind = 'police-unit' | 'employer' | 'college' | 'bank-branch' | 'admin';

export interface SessionUser {
  id: string;
  role: Role;
  orgId: string;
  provinceCode: string;
  email: string;
  name: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: SessionUser;
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  provinceCode: string;
  communeCode?: string;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  provinceCode: string;
  status: 'active' | 'disabled';
  createdAt: string;
  disabledAt?: string;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  provinceCode: string;
  communeCode?: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: StaffRole;
  orgId: string;
  password: string;
}

/** identity: login, sessions (at /auth) and organisations and users (at /api/identity). */
export const identityApi = {
  login: (email: string, password: string) => http.post<Session>('/auth/login', { email, password }, { anonymous: true }),
  refresh: (refreshToken: string) => http.post<Session>('/auth/refresh', { refreshToken }, { anonymous: true }),
  logout: (refreshToken: string) => http.post<void>('/auth/logout', { refreshToken }, { anonymous: true }),
  me: () => http.get<User>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) => http.post<void>('/auth/password', { currentPassword, newPassword }),
  /** The notices the caller has read, on any device (marks `<key>@<time>`). */
  noticeReads: () => http.get<{ marks: string[] }>('/auth/me/notice-reads'),
  /** Adds read marks (a set: sending one again changes nothing). At most 200 per call. */
  markNoticesRead: (marks: string[]) => http.post<{ marks: string[] }>('/auth/me/notice-reads', { marks }),

  listOrganisations: (query: { kind?: OrganisationKind; provinceCode?: string; limit?: number; cursor?: string } = {}) =>
    http.get<Page<Organisation>>('/api/identity/organisations', query),
  createOrganisation: (body: NewOrganisation, idempotencyKey: string) => http.post<Organisation>('/api/identity/organisations', body, { idempotencyKey }),
  listUsers: (query: { orgId?: string; role?: Role; status?: 'active' | 'disabled'; limit?: number; cursor?: string } = {}) =>
    http.get<Page<User>>('/api/identity/users', query),
  createUser: (body: NewUser, idempotencyKey: string) => http.post<User>('/api/identity/users', body, { idempotencyKey }),
  disableUser: (id: string) => http.post<User>(`/api/identity/users/${encodeURIComponent(id)}/disable`),
};
