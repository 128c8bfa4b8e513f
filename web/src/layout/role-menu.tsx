import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  InboxOutlined,
  ReadOutlined,
  SolutionOutlined,
  TeamOutlined,
  ApartmentOutlined,
  UserAddOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/identity.api';

export interface MenuEntry {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  /** The route the page cannot work without; the entry is hidden until the gateway publishes it. */
  requires: [method: string, template: string];
}

/** What each role sees in the menu, in order. The first entry is the role's home. */
export const ROLE_MENUS: Record<Role, MenuEntry[]> = {
  officer: [
    { path: '/officer', label: 'menu.officerDashboard', icon: <DashboardOutlined />, requires: ['GET', '/api/cases/statistics'] },
    { path: '/officer/returnees', label: 'menu.returnees', icon: <TeamOutlined />, requires: ['GET', '/api/cases/returnees'] },
    { path: '/officer/returnees/new', label: 'menu.register', icon: <UserAddOutlined />, requires: ['POST', '/api/cases/returnees'] },
    { path: '/officer/referrals', label: 'menu.referrals', icon: <InboxOutlined />, requires: ['GET', '/api/cases/referrals/inbox'] },
  ],
  employer: [
    { path: '/employer', label: 'menu.employerDashboard', icon: <DashboardOutlined />, requires: ['GET', '/api/employers/dashboard'] },
    { path: '/employer/jobs', label: 'menu.jobs', icon: <SolutionOutlined />, requires: ['GET', '/api/employers/jobs'] },
  ],
  college: [{ path: '/college/courses', label: 'menu.courses', icon: <ReadOutlined />, requires: ['GET', '/api/colleges/courses'] }],
  bank: [{ path: '/bank/applications', label: 'menu.loanQueue', icon: <BankOutlined />, requires: ['GET', '/api/loans/applications'] }],
  admin: [
    { path: '/admin/organisations', label: 'menu.organisations', icon: <ApartmentOutlined />, requires: ['GET', '/api/identity/organisations'] },
    { path: '/admin/users', label: 'menu.users', icon: <UsergroupAddOutlined />, requires: ['GET', '/api/identity/users'] },
    { path: '/officer/returnees', label: 'menu.returnees', icon: <TeamOutlined />, requires: ['GET', '/api/cases/returnees'] },
    { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, requires: ['GET', '/api/cases/audit'] },
  ],
  returnee: [],
};

export function homeOf(role: Role): string {
  return ROLE_MENUS[role][0]?.path ?? '/';
}
