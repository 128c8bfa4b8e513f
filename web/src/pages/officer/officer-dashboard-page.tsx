import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { casesApi, GRADES, MILESTONE_KINDS, type ReferralStatus } from '../../api/cases.api';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { useReferenceLabels } from '../../components/reference-data';
import { formatNumber } from '../../format/format';
import { useAsync } from '../../format/use-async';
import { ReportFiguresCard } from './report-figures-card';

const GRADE_COLOURS: Record<string, string> = { A: '#237804', B: '#0958d9', C: '#d46b08', D: '#cf1322', ungraded: '#8c8c8c' };
const REFERRAL_COLOURS: Record<ReferralStatus, string> = {
  sent: '#1677ff',
  seen: '#2f54eb',
  'in-progress': '#d48806',
  succeeded: '#389e0d',
  declined: '#cf1322',
  withdrawn: '#8c8c8c',
};
const REFERRAL_STATUSES: ReferralStatus[] = ['sent', 'seen', 'in-progress', 'succeeded', 'declined', 'withdrawn'];

/** The province's figures: files, grades, re-offending, milestones and where referrals stand. */
export default function OfficerDashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const labels = useReferenceLabels();
  const stats = useAsync(() => casesApi.statistics(user.provinceCode), [user.provinceCode]);
  const inbox = useAsync(() => casesApi.referralInbox({ limit: 200 }).then((p) => p.items), []);

  if (stats.loading && !stats.data) return <PageLoading />;
  const s = stats.data;
  const gradeData = s
    ? [...GRADES, 'ungraded' as const].map((g) => ({
        key: g,
        name: t(g === 'ungraded' ? 'returnees.ungraded' : `grade.${g}`),
        value: s.byGrade[g] ?? 0,
      }))
    : [];
  const referralData = s
    ? REFERRAL_STATUSES.map((st) => ({ key: st, name: t(`referral.status.${st}`), value: s.referrals[st] ?? 0 })).filter((d) => d.value > 0)
    : [];
  const milestoneData = s ? MILESTONE_KINDS.map((m) => ({ name: t(`milestone.${m}`), value: s.milestones[m] ?? 0 })) : [];
  const stale = (inbox.data ?? []).filter((r) => r.stale).length;
  const answered = (inbox.data ?? []).filter((r) => r.newlyAnswered).length;

  return (
    <>
      <PageHeader title={t('dashboard.officerTitle')} subtitle={labels.province(user.provinceCode)} />
      <ApiErrorAlert error={stats.error} onRetry={stats.reload} />
      {s && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('dashboard.files')} value={formatNumber(s.returnees.total)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('dashboard.reoffending')}
                value={`${(s.reoffending.rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('dashboard.succeeded')} value={formatNumber(s.referrals.succeeded ?? 0)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('dashboard.needAttention')}
                value={formatNumber(stale + answered)}
                suffix={
                  <span className="muted" style={{ fontSize: 13 }}>
                    {t('dashboard.staleAnswered', { stale, answered })}
                  </span>
                }
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dashboard.byGrade')}>
              <figure style={{ margin: 0 }} aria-label={t('dashboard.byGrade')}>
                <ResponsiveContainer width="100%" height={260}>
                  <BarChart data={gradeData}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" tick={{ fontSize: 12 }} />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="value" name={t('dashboard.people')}>
                      {gradeData.map((d) => (
                        <Cell key={d.key} fill={GRADE_COLOURS[d.key]} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dashboard.referrals')}>
              {referralData.length ? (
                <ResponsiveContainer width="100%" height={260}>
                  <PieChart>
                    <Pie data={referralData} dataKey="value" nameKey="name" outerRadius={90} label>
                      {referralData.map((d) => (
                        <Cell key={d.key} fill={REFERRAL_COLOURS[d.key]} />
                      ))}
                    </Pie>
                    <Legend />
                    <Tooltip />
                  </PieChart>
                </ResponsiveContainer>
              ) : (
                <p className="muted">{t('dashboard.noReferrals')}</p>
              )}
            </Card>
          </Col>
          <Col span={24}>
            <ReportFiguresCard provinceCode={user.provinceCode} />
          </Col>
          <Col span={24}>
            <Card title={t('dashboard.milestones')}>
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={milestoneData} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="value" name={t('dashboard.people')} fill="#0b6e4f" />
                </BarChart>
              </ResponsiveContainer>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
