import { Button, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { loansApi, type LoanApplication, type LoanStatus } from '../../api/loans.api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate, formatVnd, workingDaysBetween } from '../../format/format';

const STATUSES: LoanStatus[] = ['submitted', 'under-review', 'more-info-needed', 'approved', 'rejected', 'disbursed', 'repaying', 'overdue', 'closed'];

/** The branch's queue: eligibility, and the file's age in working days against the 3-day decision target. */
export default function LoanQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LoanStatus>();
  const list = usePaged((cursor) => loansApi.list({ status, limit: 50, cursor }), [status]);
  return (
    <>
      <PageHeader title={t('loans.queue')} subtitle={t('loans.queueSubtitle')} />
      <div className="filters">
        <Select<LoanStatus> aria-label={t('fields.status')} placeholder={t('jobs.anyStatus')} allowClear value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<LoanApplication>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('loans.empty') }}
        columns={[
          { title: t('loans.applicant'), key: 'who', render: (_, a) => <Link to={`/bank/applications/${a.id}`}>{a.returnee?.givenName ?? t(`loans.borrower.${a.borrowerKind}`)}</Link> },
          { title: t('loans.purpose'), dataIndex: 'purpose', render: (p: string) => t(`loanPurpose.${p}`, { defaultValue: p }) },
          { title: t('loans.amount'), dataIndex: 'amountVnd', render: formatVnd },
          { title: t('loans.eligibility'), key: 'eligible', render: (_, a) => (a.eligibility.eligible ? <Tag color="green">{t('loans.eligible')}</Tag> : <Tag color="red">{t('loans.notEligible', { count: a.eligibility.failures.length })}</Tag>) },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
          {
            title: t('loans.age'),
            key: 'age',
            render: (_, a) => {
              const days = a.decisionClock?.ageWorkingDays ?? workingDaysBetween(a.createdAt);
              const late = a.decisionClock?.breached ?? days > 3;
              return <Tag color={late ? 'red' : 'default'}>{t('loans.workingDays', { count: days })}</Tag>;
            },
          },
          { title: t('loans.received'), dataIndex: 'createdAt', render: formatDate, responsive: ['lg'] },
        ]}
      />
      {list.hasMore && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.loadMore}>{t('common.loadMore')}</Button></div>}
    </>
  );
}
