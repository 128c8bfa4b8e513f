import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { employersApi, type ApplicationStatus } from '../../api/employers.api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { formatNumber } from '../../format/format';
import { useAsync } from '../../format/use-async';

const STAGES: ApplicationStatus[] = ['new', 'interview', 'offered', 'hired', 'declined', 'withdrawn'];

/** The employer's numbers: open jobs, candidates per stage, hires and retention at 3, 6 and 12 months. */
export default function EmployerDashboardPage() {
  const { t } = useTranslation();
  const dashboard = useAsync(() => employersApi.dashboard(), []);
  if (dashboard.loading && !dashboard.data) return <PageLoading />;
  const d = dashboard.data;
  const stages = d ? STAGES.map((s) => ({ name: t(`status.${s}`), value: d.candidatesByStage[s] ?? 0 })) : [];
  const rate = (r?: { rate?: number | null }) => (typeof r?.rate === 'number' ? `${Math.round(r.rate * 100)} %` : '—');
  return (
    <>
      <PageHeader title={t('dashboard.employerTitle')} />
      <ApiErrorAlert error={dashboard.error} onRetry={dashboard.reload} />
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}><Card><Statistic title={t('dashboard.openJobs')} value={formatNumber(d.openJobs)} /></Card></Col>
          <Col xs={12} md={6}><Card><Statistic title={t('dashboard.openingsLeft')} value={formatNumber(d.openings ?? 0)} /></Card></Col>
          <Col xs={12} md={6}><Card><Statistic title={t('dashboard.hires')} value={formatNumber(d.hires)} /></Card></Col>
          <Col xs={12} md={6}><Card><Statistic title={t('dashboard.retention6')} value={rate(d.retention.month6)} /></Card></Col>
          <Col xs={24} lg={16}>
            <Card title={t('dashboard.byStage')}>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={stages}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="value" name={t('dashboard.people')} fill="#0b6e4f" />
                </BarChart>
              </ResponsiveContainer>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title={t('dashboard.retention')}>
              <Statistic title={t('dashboard.after', { months: 3 })} value={rate(d.retention.month3)} />
              <Statistic title={t('dashboard.after', { months: 6 })} value={rate(d.retention.month6)} style={{ marginTop: 12 }} />
              <Statistic title={t('dashboard.after', { months: 12 })} value={rate(d.retention.month12)} style={{ marginTop: 12 }} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
