import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from './api/identity.api';
import { CapabilitiesProvider } from './auth/capabilities-context';
import { SessionProvider, useSession } from './auth/session-context';
import { PageLoading } from './components/page-loading';
import { AppShell } from './layout/app-shell';
import { homeOf } from './layout/role-menu';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';

const OfficerDashboardPage = lazy(() => import('./pages/officer/officer-dashboard-page'));
const ReturneeListPage = lazy(() => import('./pages/officer/returnee-list-page'));
const RegisterReturneePage = lazy(() => import('./pages/officer/register-returnee-page'));
const ReturneeFilePage = lazy(() => import('./pages/officer/returnee-file-page'));
const ReferralInboxPage = lazy(() => import('./pages/officer/referral-inbox-page'));
const EmployerJobsPage = lazy(() => import('./pages/employer/jobs-page'));
const JobFormPage = lazy(() => import('./pages/employer/job-form-page'));
const JobCandidatesPage = lazy(() => import('./pages/employer/job-candidates-page'));
const EmployerDashboardPage = lazy(() => import('./pages/employer/employer-dashboard-page'));
const CoursesPage = lazy(() => import('./pages/college/courses-page'));
const CourseDetailPage = lazy(() => import('./pages/college/course-detail-page'));
const LoanQueuePage = lazy(() => import('./pages/bank/loan-queue-page'));
const LoanApplicationPage = lazy(() => import('./pages/bank/loan-application-page'));
const OrganisationsPage = lazy(() => import('./pages/admin/organisations-page'));
const UsersPage = lazy(() => import('./pages/admin/users-page'));
const AuditPage = lazy(() => import('./pages/admin/audit-page'));

// Brand colour #0b6e4f: 6.4:1 contrast with white text (WCAG AA for all text sizes).
// the secondary texts (statistic titles, form hints, descriptions) default to 45% black on white, 3.4:1: below
// WCAG AA's 4.5:1 for normal text (axe-core's color-contrast in the e2e journeys); 60% black is 5.7:1
const theme = {
  token: {
    colorPrimary: '#0b6e4f',
    colorLink: '#0b6e4f',
    borderRadius: 6,
    fontSize: 15,
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // antd's #ff4d4f (danger buttons, error texts) is 3.3:1 on white; red-7 is 5.7:1
    colorError: '#cf1322',
  },
};

function Guard({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return null;
  if (!roles.includes(user.role)) return <Navigate to={homeOf(user.role)} replace />;
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function SignedInRoutes() {
  const { user } = useSession();
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<Navigate to={homeOf(user!.role)} replace />} />
        <Route path="/login" element={<Navigate to={homeOf(user!.role)} replace />} />
        <Route path="/officer" element={<Guard roles={['officer']}><OfficerDashboardPage /></Guard>} />
        <Route path="/officer/returnees" element={<Guard roles={['officer', 'admin']}><ReturneeListPage /></Guard>} />
        <Route path="/officer/returnees/new" element={<Guard roles={['officer', 'admin']}><RegisterReturneePage /></Guard>} />
        <Route path="/officer/returnees/:id" element={<Guard roles={['officer', 'admin']}><ReturneeFilePage /></Guard>} />
        <Route path="/officer/referrals" element={<Guard roles={['officer']}><ReferralInboxPage /></Guard>} />
        <Route path="/employer" element={<Guard roles={['employer']}><EmployerDashboardPage /></Guard>} />
        <Route path="/employer/jobs" element={<Guard roles={['employer']}><EmployerJobsPage /></Guard>} />
        <Route path="/employer/jobs/new" element={<Guard roles={['employer']}><JobFormPage /></Guard>} />
        <Route path="/employer/jobs/:id/edit" element={<Guard roles={['employer']}><JobFormPage /></Guard>} />
        <Route path="/employer/jobs/:id" element={<Guard roles={['employer']}><JobCandidatesPage /></Guard>} />
        <Route path="/college/courses" element={<Guard roles={['college']}><CoursesPage /></Guard>} />
        <Route path="/college/courses/:id" element={<Guard roles={['college']}><CourseDetailPage /></Guard>} />
        <Route path="/bank/applications" element={<Guard roles={['bank']}><LoanQueuePage /></Guard>} />
        <Route path="/bank/applications/:id" element={<Guard roles={['bank']}><LoanApplicationPage /></Guard>} />
        <Route path="/admin/organisations" element={<Guard roles={['admin']}><OrganisationsPage /></Guard>} />
        <Route path="/admin/users" element={<Guard roles={['admin']}><UsersPage /></Guard>} />
        <Route path="/admin/audit" element={<Guard roles={['admin']}><AuditPage /></Guard>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}

function Root() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <PageLoading fullScreen />;
  if (status === 'signed-out') {
    if (location.pathname === '/login') return <LoginPage />;
    // remember where the user was going, and come back there after login
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return <SignedInRoutes />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <CapabilitiesProvider>
              <Root />
            </CapabilitiesProvider>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
