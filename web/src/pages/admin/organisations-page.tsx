import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http';
import { identityApi, type NewOrganisation, type Organisation, type OrganisationKind } from '../../api/identity.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { showProblemOnForm } from '../../components/problem-fields';
import { useReferenceLabels } from '../../components/reference-data';
import { CommuneSelect, ProvinceSelect } from '../../components/reference-selects';
import { usePaged } from '../../components/use-paged';
import { formatDate } from '../../format/format';

export const ORGANISATION_KINDS: OrganisationKind[] = ['police-unit', 'employer', 'college', 'bank-branch', 'admin'];

/** Organisations (police units, employers, colleges, bank branches), and registering a new one. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
  const [kind, setKind] = useState<OrganisationKind>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // one key per filled-in form, renewed after it is saved: Save pressed again after a lost answer creates once
  const idempotencyKey = useRef(newIdempotencyKey());
  const [form] = Form.useForm<NewOrganisation>();
  const provinceCode = Form.useWatch('provinceCode', form);
  const list = usePaged((cursor) => identityApi.listOrganisations({ kind, limit: 100, cursor }), [kind]);

  const create = async (values: NewOrganisation) => {
    setBusy(true);
    try {
      await identityApi.createOrganisation(values, idempotencyKey.current);
      idempotencyKey.current = newIdempotencyKey();
      message.success(t('common.saved'));
      setOpen(false);
      list.reload();
    } catch (error) {
      if (!showProblemOnForm(form, error, [['kind'], ['name'], ['provinceCode'], ['communeCode']]).length && !(error as { fieldErrors?: unknown[] }).fieldErrors?.length) message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('admin.organisations')}
        extra={can('POST', '/api/identity/organisations') && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>{t('admin.newOrganisation')}</Button>}
      />
      <div className="filters">
        <Select<OrganisationKind> aria-label={t('admin.kind')} placeholder={t('admin.anyKind')} allowClear value={kind} onChange={setKind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Organisation>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.kind'), dataIndex: 'kind', render: (k: string) => t(`orgKind.${k}`) },
          { title: t('fields.province'), dataIndex: 'provinceCode', render: (c: string) => labels.province(c) },
          { title: t('admin.createdAt'), dataIndex: 'createdAt', render: formatDate, responsive: ['md'] },
        ]}
      />
      {list.hasMore && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.loadMore}>{t('common.loadMore')}</Button></div>}
      <Modal open={open} title={t('admin.newOrganisation')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="kind" label={t('admin.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="provinceCode" label={t('fields.province')} rules={[{ required: true, message: t('common.required') }]}>
            <ProvinceSelect onChange={() => form.setFieldValue('communeCode', undefined)} />
          </Form.Item>
          <Form.Item name="communeCode" label={t('fields.commune')}>
            <CommuneSelect provinceCode={provinceCode} allowClear />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
