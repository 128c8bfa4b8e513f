import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { casesApi, GRADES, type Grade, type ReturneeSummary } from '../../api/cases.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { useReferenceLabels } from '../../components/reference-data';
import { CommuneSelect, ProvinceSelect } from '../../components/reference-selects';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate } from '../../format/format';

/** The province's returnee files: search by name with or without diacritics, filter by commune and grade. */
export default function ReturneeListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useCapabilities();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [provinceCode, setProvinceCode] = useState<string | undefined>(user.role === 'officer' ? user.provinceCode : undefined);
  const [communeCode, setCommuneCode] = useState<string>();
  const [grade, setGrade] = useState<Grade>();
  const labels = useReferenceLabels(provinceCode);

  const list = usePaged(
    (cursor) => casesApi.searchReturnees({ q: q.trim() || undefined, provinceCode, communeCode, grade, limit: 50, cursor }),
    [q, provinceCode, communeCode, grade],
  );

  return (
    <>
      <PageHeader
        title={t('returnees.title')}
        subtitle={provinceCode ? labels.province(provinceCode) : undefined}
        extra={
          can('POST', '/api/cases/returnees') && (
            <Link to="/officer/returnees/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('menu.register')}
              </Button>
            </Link>
          )
        }
      />
      <div className="filters" role="search">
        <Input.Search
          aria-label={t('returnees.searchLabel')}
          placeholder={t('returnees.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(value) => setQ(value)}
        />
        {user.role === 'admin' && (
          <ProvinceSelect
            aria-label={t('fields.province')}
            placeholder={t('fields.province')}
            allowClear
            value={provinceCode}
            onChange={(value: string | undefined) => {
              setProvinceCode(value);
              setCommuneCode(undefined);
            }}
          />
        )}
        <CommuneSelect
          aria-label={t('fields.commune')}
          placeholder={t('returnees.allCommunes')}
          allowClear
          provinceCode={provinceCode}
          value={communeCode}
          onChange={(value: string | undefined) => setCommuneCode(value)}
        />
        <Select<Grade>
          aria-label={t('fields.grade')}
          placeholder={t('returnees.allGrades')}
          allowClear
          value={grade}
          onChange={(value) => setGrade(value)}
          options={GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        />
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ReturneeSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('returnees.empty') }}
        onRow={(record) => ({ onDoubleClick: () => record.id && navigate(`/officer/returnees/${record.id}`) })}
        columns={[
          { title: t('fields.fullName'), dataIndex: 'fullName', render: (name: string | undefined, r) => (r.id ? <Link to={`/officer/returnees/${r.id}`}>{name ?? '—'}</Link> : (name ?? '—')) },
          { title: t('fields.dateOfBirth'), dataIndex: 'dateOfBirth', render: formatDate, responsive: ['sm'] },
          { title: t('fields.commune'), dataIndex: 'communeCode', render: (code: string | undefined) => (code ? labels.commune(code) : '—') },
          { title: t('fields.releaseDate'), dataIndex: 'releaseDate', render: formatDate, responsive: ['md'] },
          { title: t('fields.grade'), dataIndex: 'grade', render: (g?: string) => (g ? <StatusTag value={g} prefix="grade" /> : <span className="muted">{t('returnees.ungraded')}</span>) },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} prefix="returneeStatus" />, responsive: ['lg'] },
        ]}
      />
      {list.hasMore && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
