import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type AuditEntry } from '../../api/cases.api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { usePaged } from '../../components/use-paged';
import { formatDateTime } from '../../format/format';

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const record = value as Record<string, unknown>;
  return [record.type, record.role, record.id].filter(Boolean).join(' · ') || JSON.stringify(value);
};

/** The cases service's append-only audit log: who read or changed which file, when and why. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [resource, setResource] = useState('');
  const [actorId, setActorId] = useState('');
  const [query, setQuery] = useState<{ resource?: string; actorId?: string }>({});
  const list = usePaged((cursor) => casesApi.audit({ ...query, limit: 50, cursor }), [query.resource, query.actorId]);
  return (
    <>
      <PageHeader title={t('admin.audit')} subtitle={t('admin.auditSubtitle')} />
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ resource: resource.trim() || undefined, actorId: actorId.trim() || undefined });
        }}
      >
        <Input aria-label={t('admin.resourceId')} placeholder={t('admin.resourceId')} value={resource} onChange={(e) => setResource(e.target.value)} allowClear />
        <Input aria-label={t('admin.actorId')} placeholder={t('admin.actorId')} value={actorId} onChange={(e) => setActorId(e.target.value)} allowClear />
        <Button type="primary" htmlType="submit" style={{ flex: '0 0 auto', minWidth: 0 }}>{t('common.search')}</Button>
      </form>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AuditEntry>
        rowKey={(e) => String(e.seq)}
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('admin.when'), key: 'at', render: (_, e) => formatDateTime(e.at) },
          { title: t('admin.actor'), key: 'actor', render: (_, e) => text(e.actor) },
          { title: t('admin.action'), key: 'action', render: (_, e) => text(e.action) },
          { title: t('admin.resource'), key: 'resource', render: (_, e) => text(e.resource) },
          { title: t('admin.purpose'), key: 'purpose', render: (_, e) => text(e.purpose) },
        ]}
      />
      {list.hasMore && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.loadMore}>{t('common.loadMore')}</Button></div>}
    </>
  );
}
