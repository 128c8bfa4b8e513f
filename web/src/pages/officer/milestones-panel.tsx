import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, GRADES, MILESTONE_KINDS, type Grade, type MilestoneKind, type Returnee } from '../../api/cases.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { useErrorMessage } from '../../components/api-error-alert';
import { StatusTag } from '../../components/status-tag';
import { formatDate, isoDate, vietnamToday } from '../../format/format';

/** Dated milestones (ID card, residence, record cleared, loan, job) and the grade with its history. */
export function MilestonesPanel({ returnee, onChanged }: { returnee: Returnee; onChanged(): void }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [dialog, setDialog] = useState<'milestone' | 'grade' | null>(null);
  const [busy, setBusy] = useState(false);
  const [milestoneForm] = Form.useForm<{ kind: MilestoneKind; on: Dayjs; documentNumber?: string }>();
  const [gradeForm] = Form.useForm<{ grade: Grade; on: Dayjs; reason?: string }>();
  const kind = Form.useWatch('kind', milestoneForm);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      message.success(t('common.saved'));
      setDialog(null);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const events = [
    ...(returnee.milestones ?? []).map((m) => ({ on: m.on, text: `${t(`milestone.${m.kind}`)}${m.documentNumber ? ` (${m.documentNumber})` : ''}` })),
    ...(returnee.gradeHistory ?? []).map((g) => ({ on: g.on, text: `${t('fields.grade')}: ${t(`grade.${g.grade}`)}${g.reason ? ` — ${g.reason}` : ''}` })),
  ].sort((a, b) => a.on.localeCompare(b.on));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('POST', '/api/cases/returnees/{id}/milestones') && (
          <Button icon={<PlusOutlined />} onClick={() => { milestoneForm.resetFields(); setDialog('milestone'); }}>
            {t('milestone.add')}
          </Button>
        )}
        {can('POST', '/api/cases/returnees/{id}/grades') && (
          <Button onClick={() => { gradeForm.setFieldsValue({ grade: returnee.grade, on: vietnamToday() }); setDialog('grade'); }}>
            {t('grade.set')}
          </Button>
        )}
        {returnee.grade && <StatusTag value={returnee.grade} prefix="grade" />}
      </Space>
      {events.length ? (
        <Timeline items={events.map((e) => ({ children: <><strong>{formatDate(e.on)}</strong> — {e.text}</> }))} />
      ) : (
        <p className="muted">{t('milestone.none')}</p>
      )}
      <Modal open={dialog === 'milestone'} title={t('milestone.add')} onCancel={() => setDialog(null)} onOk={() => milestoneForm.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        <Form form={milestoneForm} layout="vertical" initialValues={{ on: vietnamToday() }} onFinish={(v) => run(() => casesApi.recordMilestone(returnee.id, { kind: v.kind, on: isoDate(v.on)!, documentNumber: v.documentNumber?.trim() || undefined }))}>
          <Form.Item name="kind" label={t('milestone.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`milestone.${k}`) }))} />
          </Form.Item>
          <Form.Item name="on" label={t('milestone.on')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          {kind === 'record-cleared' && (
            <Form.Item name="documentNumber" label={t('milestone.certificateNumber')}>
              <Input maxLength={60} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal open={dialog === 'grade'} title={t('grade.set')} onCancel={() => setDialog(null)} onOk={() => gradeForm.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        <Form form={gradeForm} layout="vertical" onFinish={(v) => run(() => casesApi.gradeReturnee(returnee.id, { grade: v.grade, on: isoDate(v.on), reason: v.reason?.trim() || undefined }))}>
          <Form.Item name="grade" label={t('fields.grade')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))} />
          </Form.Item>
          <Form.Item name="on" label={t('milestone.on')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="reason" label={t('grade.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
