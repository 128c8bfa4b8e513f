import type { components } from '@hoanhap/contracts/src/generated/identity';
import { http } from './http';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type StaffRole = Schemas['StaffRole'];
export type OrganisationKind = Schemas['OrganisationKind'];
export type Session = Schemas['Session'];
export type SessionUser = Session['user'];
export type Organisation = Schemas['Organisation'];
export type User = Schemas['User'];
export type NewOrganisation = Schemas['NewOrganisation'];
export type NewUser = Schemas['NewUser'];
type NoticeReads = Schemas['NoticeReads'];

/** identity: login, sessions (at /auth) and organisations and users (at /api/identity). */
export const identityApi = {
  login: (email: string, password: string) =>
    http.post<Session>('/auth/login', { email, password } satisfies Schemas['LoginRequest'], { anonymous: true }),
  refresh: (refreshToken: string) =>
    http.post<Session>('/auth/refresh', { refreshToken } satisfies Schemas['RefreshRequest'], { anonymous: true }),
  logout: (refreshToken: string) =>
    http.post<void>('/auth/logout', { refreshToken } satisfies Schemas['RefreshRequest'], { anonymous: true }),
  me: () => http.get<User>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { currentPassword, newPassword } satisfies Schemas['PasswordChange']),
  /** The notices the caller has read, on any device (marks `<key>@<time>`). */
  noticeReads: () => http.get<NoticeReads>('/auth/me/notice-reads'),
  /** Adds read marks (a set: sending one again changes nothing). At most 200 per call. */
  markNoticesRead: (marks: string[]) => http.post<NoticeReads>('/auth/me/notice-reads', { marks } satisfies Schemas['NoticeReadsAdded']),

  listOrganisations: (query: { kind?: OrganisationKind; provinceCode?: string; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['OrganisationPage']>('/api/identity/organisations', query),
  createOrganisation: (body: NewOrganisation, idempotencyKey: string) =>
    http.post<Organisation>('/api/identity/organisations', body, { idempotencyKey }),
  listUsers: (query: { orgId?: string; role?: Role; status?: 'active' | 'disabled'; limit?: number; cursor?: string } = {}) =>
    http.get<Schemas['UserPage']>('/api/identity/users', query),
  createUser: (body: NewUser, idempotencyKey: string) => http.post<User>('/api/identity/users', body, { idempotencyKey }),
  disableUser: (id: string) => http.post<User>(`/api/identity/users/${encodeURIComponent(id)}/disable`),
};
