import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Space, Tabs, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http';
import { ApiError } from '../../api/api-error';
import { casesApi, type Referral, type ReferralKind, type Returnee } from '../../api/cases.api';
import { collegesApi } from '../../api/colleges.api';
import { employersApi } from '../../api/employers.api';
import { formatScore, matchingApi, reasonText, type MatchReason } from '../../api/matching.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { useReferenceLabels } from '../../components/reference-data';
import { formatDate, formatVnd } from '../../format/format';
import { useAsync } from '../../format/use-async';

/** One proposal, whatever service it came from. */
interface Proposal {
  kind: ReferralKind;
  targetId: string;
  title: string;
  subtitle?: string;
  facts: string[];
  /** matching's score (0–100); absent in the fallback lists. */
  score?: number;
  reasons: MatchReason[];
}

const OPEN_STATUSES = new Set(['sent', 'seen', 'in-progress']);

/**
 * Jobs, courses and credit proposed for one returnee, each with the reasons
 * matching gives, and "Giới thiệu" (refer) in one click. Until the matching
 * service is published, the open jobs and cohorts of the province are listed
 * instead (without reasons), so referring never waits on it.
 */
export function MatchesPanel({ returnee, referrals, onReferred }: { returnee: Returnee; referrals: Referral[]; onReferred(): void }) {
  const { t, i18n } = useTranslation();
  const { can } = useCapabilities();
  const labels = useReferenceLabels(returnee.address.provinceCode);
  const canRefer = can('POST', '/api/cases/referrals');
  const hasMatching = can('GET', '/api/matching/returnees/{id}/jobs');
  const provinceCode = returnee.address.provinceCode;

  const jobs = useAsync<Proposal[]>(async () => {
    if (hasMatching) {
      const page = await matchingApi.jobsFor(returnee.id);
      return page.items.map((m) => ({
        kind: 'job' as const,
        targetId: m.jobId,
        title: m.title,
        facts: [`${formatVnd(m.wageMinVnd)} – ${formatVnd(m.wageMaxVnd)}`, t(`employmentType.${m.employmentType}`), labels.commune(m.communeCode), m.accommodation ? t('matches.accommodation') : ''].filter(Boolean),
        score: m.score,
        reasons: m.reasons,
      }));
    }
    if (!can('GET', '/api/employers/jobs')) return [];
    const page = await employersApi.listJobs({ provinceCode, status: 'open', limit: 20 });
    return page.items.map((job) => ({
      kind: 'job' as const,
      targetId: job.id,
      title: job.title,
      subtitle: job.employerName,
      facts: [`${formatVnd(job.wageMinVnd)} – ${formatVnd(job.wageMaxVnd)}`, t(`employmentType.${job.employmentType}`), labels.commune(job.communeCode)],
      reasons: [],
    }));
  }, [returnee.id, hasMatching]);

  const courses = useAsync<Proposal[]>(async () => {
    if (hasMatching && can('GET', '/api/matching/returnees/{id}/courses')) {
      const page = await matchingApi.coursesFor(returnee.id);
      return page.items.map((m) => ({
        kind: 'course' as const,
        targetId: m.cohortId,
        title: m.title,
        facts: [t('matches.startsOn', { date: formatDate(m.startsOn) }), t('matches.seatsLeft', { count: m.seatsLeft }), formatVnd(m.tuitionVnd)],
        score: m.score,
        reasons: m.reasons,
      }));
    }
    if (!can('GET', '/api/colleges/catalogue')) return [];
    const page = await collegesApi.catalogue({ provinceCode, minSeatsLeft: 1, limit: 20 });
    return page.items.map((c) => ({
      kind: 'course' as const,
      targetId: c.cohortId,
      title: c.service.name,
      subtitle: c.organization.name,
      facts: [t('matches.startsOn', { date: formatDate(c.schedule.startsOn) }), t('matches.seatsLeft', { count: c.capacity.seatsLeft })],
      reasons: [],
    }));
  }, [returnee.id, hasMatching]);

  const credit = useAsync<Proposal[]>(async () => {
    if (!can('GET', '/api/matching/returnees/{id}/credit')) return [];
    const page = await matchingApi.creditFor(returnee.id);
    return page.items.map((m) => ({
      kind: 'loan' as const,
      targetId: m.productCode,
      title: i18n.language.startsWith('en') ? m.titleEn : m.titleVi,
      facts: [t('matches.upTo', { amount: formatVnd(m.maxAmountVnd) }), t('matches.termMonths', { count: m.maxTermMonths }), t(`matches.eligibility.${m.eligibility}`)],
      score: m.score,
      reasons: m.reasons,
    }));
  }, [returnee.id, i18n.language]);

  const referredTo = new Set(referrals.filter((r) => OPEN_STATUSES.has(r.status)).map((r) => `${r.target.kind}:${r.target.id}`));

  const tab = (key: ReferralKind, state: typeof jobs, consentOk: boolean) => ({
    key,
    label: `${t(`matches.tab.${key}`)}${state.data ? ` (${state.data.length})` : ''}`,
    children: (
      <>
        {!consentOk && <Alert type="warning" showIcon message={t(`matches.noConsent.${key}`)} style={{ marginBottom: 12 }} />}
        <ApiErrorAlert error={state.error} onRetry={state.reload} />
        <List<Proposal>
          loading={state.loading}
          dataSource={state.data ?? []}
          locale={{ emptyText: <Empty description={t('matches.empty')} /> }}
          renderItem={(p) => (
            <List.Item
              actions={
                canRefer && p.targetId
                  ? [<ReferButton key="refer" returneeId={returnee.id} proposal={p} alreadySent={referredTo.has(`${p.kind}:${p.targetId}`)} disabled={!consentOk} onDone={onReferred} />]
                  : []
              }
            >
              <List.Item.Meta
                title={p.title}
                description={
                  <>
                    {p.subtitle && <div>{p.subtitle}</div>}
                    <Space size={4} wrap>
                      {p.score !== undefined && (
                        <Tag color="blue" className="match-score">
                          {t('matches.score', { score: formatScore(p.score, i18n.language) })}
                        </Tag>
                      )}
                      {p.facts.map((f) => (
                        <Tag key={f}>{f}</Tag>
                      ))}
                    </Space>
                    {p.reasons.length > 0 && (
                      <ul className="reason-list" aria-label={t('matches.reasons')}>
                        {p.reasons.map((r, i) => (
                          <li key={i}>{reasonText(r, i18n.language)}</li>
                        ))}
                      </ul>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </>
    ),
  });

  const consent = returnee.consent;
  const items = [
    tab('job', jobs, consent.matching && consent.shareWithEmployers),
    tab('course', courses, consent.matching && consent.shareWithColleges),
    ...(can('GET', '/api/matching/returnees/{id}/credit') ? [tab('loan', credit, consent.matching && consent.shareWithBank)] : []),
  ];
  return (
    <>
      {!hasMatching && <Alert type="info" showIcon message={t('matches.fallback')} style={{ marginBottom: 12 }} />}
      <Tabs items={items} />
    </>
  );
}

function ReferButton({ returneeId, proposal, alreadySent, disabled, onDone }: { returneeId: string; proposal: Proposal; alreadySent: boolean; disabled: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(alreadySent);
  // one key for this proposal's button: pressed again after a lost answer, the referral is made once
  const idempotencyKey = useRef(newIdempotencyKey());
  if (sent) {
    return (
      <Tag icon={<CheckOutlined />} color="green">
        {t('matches.referred')}
      </Tag>
    );
  }
  const refer = async () => {
    setBusy(true);
    try {
      await casesApi.createReferral({ returneeId, target: { kind: proposal.kind, id: proposal.targetId } }, idempotencyKey.current);
      setSent(true);
      message.success(t('matches.referDone', { title: proposal.title }));
      onDone();
    } catch (error) {
      const retry = error instanceof ApiError && error.code.endsWith('NOT_YET_KNOWN');
      message.error(retry ? t('matches.notYetKnown') : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={disabled} onClick={refer} aria-label={`${t('matches.refer')}: ${proposal.title}`}>
      {t('matches.refer')}
    </Button>
  );
}
