import { Alert, App, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { casesApi, type Restrictions, type Returnee } from '../../api/cases.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageLoading } from '../../components/page-loading';
import { PageHeader } from '../../components/page-header';
import { useReferenceLabels } from '../../components/reference-data';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../format/format';
import { useAsync } from '../../format/use-async';
import { ConsentPanel } from './consent-panel';
import { MatchesPanel } from './matches-panel';
import { MilestonesPanel } from './milestones-panel';
import { ReferralTable } from './referral-table';

/** One returnee's file: who, release and clearance, active restrictions, needs, consent, milestones, matches and referrals. */
export default function ReturneeFilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const file = useAsync(() => casesApi.getReturnee(id), [id]);
  const referrals = useAsync(() => (can('GET', '/api/cases/referrals') ? casesApi.listReferrals({ returneeId: id, limit: 100 }).then((p) => p.items) : Promise.resolve([])), [id]);

  if (file.loading && !file.data) return <PageLoading />;
  if (!file.data) return <ApiErrorAlert error={file.error} onRetry={file.reload} />;
  const r = file.data;
  if (r.access === 'recorded-only') return <Alert type="info" showIcon message={t('file.recordedOnly')} />;

  const withdraw = async (referralId: string) => {
    try {
      await casesApi.withdrawReferral(referralId);
      message.success(t('referral.withdrawn'));
      referrals.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title={r.fullName}
        subtitle={
          <Space wrap size={4}>
            {r.computed.ageYears !== undefined && <><span>{t('file.age', { count: r.computed.ageYears })}</span>·</>}<span>{t(`gender.${r.gender}`)}</span>
            {r.grade && <StatusTag value={r.grade} prefix="grade" />}
            {r.status !== 'active' && <StatusTag value={r.status} prefix="returneeStatus" />}
          </Space>
        }
      />
      <ApiErrorAlert error={file.error} onRetry={file.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <IdentityCard r={r} />
        </Col>
        <Col xs={24} xl={12}>
          <ClearanceCard r={r} />
          <Card title={t('file.restrictions')} size="small" style={{ marginTop: 16 }}>
            {r.computed.activeRestrictions ? <RestrictionList restrictions={r.computed.activeRestrictions} /> : '—'}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('file.needsSkills')} size="small">
            <NeedsAndSkills r={r} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('file.consent')} size="small">
            <ConsentPanel returnee={r} onChanged={() => { file.reload(); referrals.reload(); }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('file.milestones')} size="small">
            <MilestonesPanel returnee={r} onChanged={file.reload} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('file.credit')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('file.creditWindowEndsOn')}>{formatDate(r.computed.creditWindowEndsOn)}</Descriptions.Item>
              <Descriptions.Item label={t('file.creditWindowOpen')}>{r.computed.creditWindowOpen ? t('common.yes') : t('common.no')}</Descriptions.Item>
              <Descriptions.Item label={t('file.releaseKindEligible')}>{r.computed.releaseKindEligible ? t('common.yes') : t('common.no')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('file.matches')} size="small">
            <MatchesPanel returnee={r} referrals={referrals.data ?? []} onReferred={referrals.reload} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('file.referrals')} size="small">
            <ApiErrorAlert error={referrals.error} onRetry={referrals.reload} />
            <ReferralTable
              referrals={referrals.data ?? []}
              loading={referrals.loading}
              actions={
                can('POST', '/api/cases/referrals/{id}/withdraw')
                  ? [{ label: t('referral.withdraw'), show: (x) => ['sent', 'seen', 'in-progress'].includes(x.status), run: (x) => void withdraw(x.id) }]
                  : []
              }
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function IdentityCard({ r }: { r: Returnee }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels(r.address.provinceCode);
  return (
    <Card title={t('file.identity')} size="small">
      <Descriptions layout="vertical" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
        <Descriptions.Item label={t('fields.dateOfBirth')}>{formatDate(r.dateOfBirth)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.nationalId')}>{r.nationalId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>{r.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.commune')}>{labels.commune(r.address.communeCode)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.province')}>{labels.province(r.address.provinceCode)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.addressLine')}>{r.address.line ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.releaseDate')}>{formatDate(r.releaseDate)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.releaseKind')}>{t(`releaseKind.${r.releaseKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.sentenceKind')}>
          {t(`sentenceKind.${r.sentence.kind}`)}
          {r.sentence.months ? ` · ${t('file.months', { count: r.sentence.months })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.offenceCategory')}>{t(`offence.${r.offenceCategory}`)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ClearanceCard({ r }: { r: Returnee }) {
  const { t } = useTranslation();
  const c = r.computed.recordClearance;
  // cases' OpenAPI document does not promise the clearance (`computed` members are optional)
  if (!c) return <Card title={t('file.clearance')} size="small">—</Card>;
  return (
    <Card title={t('file.clearance')} size="small">
      {c.clearedOn ? (
        <Alert type="success" showIcon message={t('file.clearedOn', { date: formatDate(c.clearedOn) })} description={c.certificateNumber ? `${t('milestone.certificateNumber')}: ${c.certificateNumber}` : undefined} />
      ) : c.automatic ? (
        <>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {formatDate(c.expectedOn)}
          </Typography.Title>
          <div className="muted">{t('file.clearanceExpected', { years: c.waitYears, date: formatDate(c.mainPenaltyEndsOn) })}</div>
          {c.extendedByAdditionalPenalty && <Tag color="orange" style={{ marginTop: 8 }}>{t('file.clearanceExtended')}</Tag>}
        </>
      ) : (
        <Alert type="warning" showIcon message={t(`file.clearanceNotAutomatic.${c.reason}`, { defaultValue: t('file.clearanceNotAutomatic.other') })} />
      )}
      <div className="muted" style={{ marginTop: 8, fontSize: 13 }}>{c.basis}</div>
    </Card>
  );
}

export function RestrictionList({ restrictions }: { restrictions: Restrictions }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const rows: string[] = [
    ...(restrictions.bannedOccupations ?? []).map((b) => `${t('file.bannedOccupation')}: ${labels.occupation(b.code)} — ${t('common.until', { date: formatDate(b.until) })}`),
    ...(restrictions.bannedAreas ?? []).map((b) => `${t('file.bannedArea')}: ${labels.province(b.provinceCode)} — ${t('common.until', { date: formatDate(b.until) })}`),
    ...(restrictions.supervisedCommune ? [`${t('file.supervised')} — ${t('common.until', { date: formatDate(restrictions.supervisedCommune.until) })}`] : []),
    ...(restrictions.noStateAgencyWork ? [`${t('file.noStateAgencyWork')}${restrictions.noStateAgencyWorkUntil ? ` — ${t('common.until', { date: formatDate(restrictions.noStateAgencyWorkUntil) })}` : ''}`] : []),
  ];
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('file.noRestrictions')} />;
  return (
    <ul className="reason-list">
      {rows.map((row) => (
        <li key={row}>{row}</li>
      ))}
    </ul>
  );
}

function NeedsAndSkills({ r }: { r: Returnee }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('fields.needs')}>
        <Space wrap size={4}>{(r.needs ?? []).length ? r.needs!.map((n) => <Tag key={n}>{t(`need.${n}`)}</Tag>) : t('common.none')}</Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.skills')}>
        <Space wrap size={4}>{(r.skills ?? []).length ? r.skills!.map((s) => <Tag key={s} color="green">{labels.skill(s)}</Tag>) : t('common.none')}</Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('file.certificates')}>
        {(r.certificates ?? []).length ? r.certificates.map((c) => `${c.number} (${formatDate(c.issuedOn)})`).join(', ') : t('common.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.availableFrom')}>{formatDate(r.preferences?.availableFrom)}</Descriptions.Item>
    </Descriptions>
  );
}
