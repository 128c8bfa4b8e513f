import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, List, Space, Table, Tabs, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/http';
import { employersApi, type Application, type ApplicationPatch } from '../../api/employers.api';
import { formatScore, matchingApi, reasonText, type CandidateMatch } from '../../api/matching.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { useReferenceLabels } from '../../components/reference-data';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate, formatDateTime, formatVnd } from '../../format/format';
import { useAsync } from '../../format/use-async';
import { ApplicationActionModal, NEXT_STEPS, type PipelineStep } from './application-action-modal';

/**
 * One job and its candidates: each referred person's consented profile only
 * (given name, skills, certificates), moved through interview → offer → hire,
 * or declined with a reason; and, where matching offers them, discoverable
 * candidates to ask an officer about.
 */
export default function JobCandidatesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
  const job = useAsync(() => employersApi.getJob(id), [id]);
  const applications = usePaged((cursor) => employersApi.jobApplications(id, { limit: 50, cursor }), [id]);
  const [opened, setOpened] = useState<Application | null>(null);
  const [action, setAction] = useState<{ application: Application; step: PipelineStep } | null>(null);
  const [busy, setBusy] = useState(false);
  const canMove = can('PATCH', '/api/employers/applications/{applicationId}');

  const open = async (application: Application) => {
    setOpened(application);
    try {
      // the employer's first read marks the application opened: the officer sees "seen"
      setOpened(await employersApi.getApplication(application.id));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const move = async (patch: ApplicationPatch) => {
    if (!action) return;
    setBusy(true);
    try {
      const updated = await employersApi.changeApplication(action.application.id, patch);
      message.success(t('pipeline.moved', { status: t(`status.${updated.status}`) }));
      setAction(null);
      setOpened((current) => (current?.id === updated.id ? updated : current));
      applications.reload();
      job.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (job.loading && !job.data) return <PageLoading />;
  if (!job.data) return <ApiErrorAlert error={job.error} onRetry={job.reload} />;
  const j = job.data;

  const stepButtons = (a: Application) =>
    canMove
      ? (NEXT_STEPS[a.status] ?? []).map((step) => (
          <Button key={step} size="small" danger={step === 'declined'} type={step === 'hired' ? 'primary' : 'default'} onClick={() => setAction({ application: a, step })}>
            {t(`pipeline.step.${step}`)}
          </Button>
        ))
      : [];

  const candidatesTab = (
    <>
      <ApiErrorAlert error={applications.error} onRetry={applications.reload} />
      <Table<Application>
        rowKey="id"
        loading={applications.loading}
        dataSource={applications.items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('pipeline.empty') }}
        columns={[
          {
            title: t('pipeline.candidateCol'),
            key: 'who',
            render: (_, a) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => void open(a)}>
                {a.candidate?.givenName ?? t('pipeline.anonymous')}
              </Button>
            ),
          },
          { title: t('fields.skills'), key: 'skills', render: (_, a) => <Space wrap size={4}>{(a.candidate?.skills ?? []).map((s) => <Tag key={s}>{labels.skill(s)}</Tag>)}</Space>, responsive: ['md'] },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
          { title: t('pipeline.received'), dataIndex: 'createdAt', render: formatDate, responsive: ['lg'] },
          { title: t('common.actions'), key: 'actions', render: (_, a) => <Space wrap>{stepButtons(a)}</Space> },
        ]}
      />
    </>
  );

  const tabs = [{ key: 'candidates', label: t('pipeline.referred', { count: applications.items.length }), children: candidatesTab }];
  if (can('GET', '/api/matching/jobs/{id}/candidates')) tabs.push({ key: 'discover', label: t('pipeline.discover'), children: <DiscoverCandidates jobId={id} /> });

  return (
    <>
      <PageHeader
        title={j.title}
        subtitle={<Space wrap size={4}><StatusTag value={j.status} /><span>{labels.occupation(j.occupationCode)}</span></Space>}
        extra={can('PATCH', '/api/employers/jobs/{jobId}') && <Link to={`/employer/jobs/${j.id}/edit`}><Button icon={<EditOutlined />}>{t('jobs.edit')}</Button></Link>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('jobs.filledOpenings')}>{`${j.filled}/${j.openings}`}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.wage')}>{`${formatVnd(j.wageMinVnd)} – ${formatVnd(j.wageMaxVnd)}`}</Descriptions.Item>
          <Descriptions.Item label={t('fields.commune')}>{labels.commune(j.communeCode)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.closesAt')}>{formatDate(j.closesAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs items={tabs} />
      <Drawer open={opened !== null} onClose={() => setOpened(null)} title={opened?.candidate?.givenName ?? t('pipeline.anonymous')} width={Math.min(480, window.innerWidth)}>
        {opened && (
          <>
            {!opened.candidate && <Empty description={t('pipeline.notShared')} />}
            {opened.candidate && (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('pipeline.givenName')}>{opened.candidate.givenName}</Descriptions.Item>
                <Descriptions.Item label={t('fields.skills')}>{opened.candidate.skills.map((s) => labels.skill(s)).join(', ') || t('common.none')}</Descriptions.Item>
                <Descriptions.Item label={t('file.certificates')}>
                  {opened.candidate.certificates.length ? opened.candidate.certificates.map((c, i) => <div key={i}>{typeof c.occupationCode === 'string' ? labels.occupation(c.occupationCode) : ''} {typeof c.issuedOn === 'string' ? `(${formatDate(c.issuedOn)})` : ''}</div>) : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.availableFrom')}>{formatDate(opened.candidate.availableFrom)}</Descriptions.Item>
              </Descriptions>
            )}
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('fields.status')}><StatusTag value={opened.status} /></Descriptions.Item>
              {opened.interviewAt && <Descriptions.Item label={t('pipeline.interviewAt')}>{formatDateTime(opened.interviewAt)}</Descriptions.Item>}
              {opened.startDate && <Descriptions.Item label={t('pipeline.startDate')}>{formatDate(opened.startDate)}</Descriptions.Item>}
              {opened.reason && <Descriptions.Item label={t('pipeline.reason')}>{t(`status.${opened.reason}`)}</Descriptions.Item>}
            </Descriptions>
            <p className="muted" style={{ marginTop: 16 }}>{t('pipeline.privacy')}</p>
            <Space wrap>{stepButtons(opened)}</Space>
          </>
        )}
      </Drawer>
      <ApplicationActionModal application={action?.application ?? null} step={action?.step ?? null} busy={busy} onCancel={() => setAction(null)} onSubmit={(patch) => void move(patch)} />
    </>
  );
}

function DiscoverCandidates({ jobId }: { jobId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const candidates = useAsync(() => matchingApi.candidatesFor(jobId).then((p) => p.items), [jobId]);
  const [asked, setAsked] = useState<Set<string>>(new Set());
  // one key per candidate: asking again after a lost answer sends one invitation request
  const keys = useRef(new Map<string, string>());
  const ask = async (c: CandidateMatch) => {
    const idempotencyKey = keys.current.get(c.returneeId) ?? newIdempotencyKey();
    keys.current.set(c.returneeId, idempotencyKey);
    try {
      await employersApi.requestInvitation({ jobId, returneeId: c.returneeId }, idempotencyKey);
      setAsked((previous) => new Set(previous).add(c.returneeId));
      message.success(t('pipeline.invitationSent'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <>
      <p className="muted">{t('pipeline.discoverHint')}</p>
      <ApiErrorAlert error={candidates.error} onRetry={candidates.reload} />
      <List<CandidateMatch>
        loading={candidates.loading}
        dataSource={candidates.data ?? []}
        locale={{ emptyText: t('matches.empty') }}
        renderItem={(c) => (
          <List.Item
            actions={
              can('POST', '/api/employers/invitations')
                ? [asked.has(c.returneeId) ? <Tag key="done" color="green">{t('pipeline.invitationSent')}</Tag> : <Button key="ask" onClick={() => void ask(c)}>{t('pipeline.askOfficer')}</Button>]
                : []
            }
          >
            <List.Item.Meta
              title={c.givenName ?? t('pipeline.anonymous')}
              description={
                <>
                  <Tag color="blue">{t('matches.score', { score: formatScore(c.score, i18n.language) })}</Tag>
                  {c.reasons.length > 0 && <ul className="reason-list">{c.reasons.map((r, i) => <li key={i}>{reasonText(r, i18n.language)}</li>)}</ul>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
