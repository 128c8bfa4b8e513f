import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { employersApi, type Job, type JobStatus } from '../../api/employers.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { useReferenceLabels } from '../../components/reference-data';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate, formatVnd } from '../../format/format';

const STATUSES: JobStatus[] = ['draft', 'open', 'filled', 'closed', 'expired'];

/** The employer's own jobs: post, edit, close or reopen, and open each job's candidates. */
export default function JobsPage() {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<JobStatus>();
  const labels = useReferenceLabels();
  const list = usePaged((cursor) => employersApi.listJobs({ status, limit: 50, cursor }), [status]);
  const canEdit = can('PATCH', '/api/employers/jobs/{jobId}');

  const setJobStatus = (job: Job, next: 'open' | 'closed') =>
    modal.confirm({
      title: t(next === 'closed' ? 'jobs.closeConfirm' : 'jobs.reopenConfirm', { title: job.title }),
      okText: t(next === 'closed' ? 'jobs.close' : 'jobs.reopen'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await employersApi.updateJob(job.id, { status: next });
          message.success(t('common.saved'));
          list.reload();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        extra={
          can('POST', '/api/employers/jobs') && (
            <Link to="/employer/jobs/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('jobs.new')}
              </Button>
            </Link>
          )
        }
      />
      <div className="filters">
        <Select<JobStatus>
          aria-label={t('fields.status')}
          placeholder={t('jobs.anyStatus')}
          allowClear
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Job>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('jobs.empty') }}
        columns={[
          { title: t('jobs.jobTitle'), dataIndex: 'title', render: (title: string, job) => <Link to={`/employer/jobs/${job.id}`}>{title}</Link> },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
          { title: t('jobs.filledOpenings'), key: 'openings', render: (_, job) => `${job.filled}/${job.openings}` },
          { title: t('jobs.wage'), key: 'wage', render: (_, job) => `${formatVnd(job.wageMinVnd)} – ${formatVnd(job.wageMaxVnd)}`, responsive: ['md'] },
          { title: t('fields.commune'), dataIndex: 'communeCode', render: (c: string) => labels.commune(c), responsive: ['lg'], onCell: (job) => ({ title: labels.province(job.provinceCode) }) },
          { title: t('jobs.closesAt'), dataIndex: 'closesAt', render: formatDate, responsive: ['md'] },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, job) => (
              <Space wrap>
                <Link to={`/employer/jobs/${job.id}`}>{t('jobs.candidates')}</Link>
                {canEdit && <Link to={`/employer/jobs/${job.id}/edit`}>{t('jobs.edit')}</Link>}
                {canEdit && (job.status === 'open' || job.status === 'filled') && (
                  <Button size="small" onClick={() => setJobStatus(job, 'closed')}>{t('jobs.close')}</Button>
                )}
                {canEdit && (job.status === 'draft' || job.status === 'closed') && (
                  <Button size="small" onClick={() => setJobStatus(job, 'open')}>{t(job.status === 'draft' ? 'jobs.publish' : 'jobs.reopen')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {list.hasMore && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>
        </div>
      )}
    </>
  );
}
