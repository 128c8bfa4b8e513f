import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, CONSENT_METHODS, CONSENT_PURPOSES, type ConsentChange, type ConsentRecord, type Returnee } from '../../api/cases.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { useErrorMessage } from '../../components/api-error-alert';
import { formatDateTime } from '../../format/format';

/** The consent in force, per purpose, its history, and recording a new one (revoking withdraws open referrals). */
export function ConsentPanel({ returnee, onChanged }: { returnee: Returnee; onChanged(): void }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ConsentChange>();
  const consent = returnee.consent;

  const save = async (values: ConsentChange) => {
    setBusy(true);
    try {
      const body = { ...values, ...Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, Boolean(values[p])])) } as ConsentChange;
      await casesApi.recordConsent(returnee.id, body);
      message.success(t('consent.saved'));
      setOpen(false);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const history = [...(returnee.consentHistory ?? [])].reverse();
  return (
    <>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {CONSENT_PURPOSES.map((p) => (
            <Tag key={p} color={consent[p] ? 'green' : 'default'}>
              {consent[p] ? '✓' : '✗'} {t(`consent.purpose.${p}`)}
            </Tag>
          ))}
        </Space>
        {can('PUT', '/api/cases/returnees/{id}/consent') && (
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue({ ...consent, version: consent.version ?? 'v1', method: consent.method ?? 'paper-form', note: undefined });
              setOpen(true);
            }}
          >
            {t('consent.change')}
          </Button>
        )}
        <Table<ConsentRecord>
          size="small"
          rowKey={(r, i) => `${r.recordedAt ?? ''}-${i}`}
          dataSource={history}
          pagination={false}
          scroll={{ x: 560 }}
          caption={<span className="muted">{t('consent.history')}</span>}
          columns={[
            { title: t('consent.recordedAt'), dataIndex: 'recordedAt', render: formatDateTime },
            { title: t('consent.given'), render: (_, r) => CONSENT_PURPOSES.filter((p) => r[p]).map((p) => t(`consent.short.${p}`)).join(', ') || t('common.none') },
            { title: t('consent.method'), dataIndex: 'method', render: (m?: string) => (m ? t(`consent.methods.${m}`) : '—') },
            { title: t('consent.version'), dataIndex: 'version' },
          ]}
        />
      </Space>
      <Modal open={open} title={t('consent.change')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        <Alert type="info" showIcon message={t('consent.explain')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={save}>
          {CONSENT_PURPOSES.map((p) => (
            <Form.Item key={p} name={p} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{t(`consent.purpose.${p}`)}</Checkbox>
            </Form.Item>
          ))}
          <Form.Item name="method" label={t('consent.method')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="version" label={t('consent.version')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('consent.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
