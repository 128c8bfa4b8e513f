import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTRACT_TYPES, DECLINE_REASONS, type Application, type ApplicationPatch, type ContractType, type DeclineReason } from '../../api/employers.api';
import { isoDate, vietnamToday } from '../../format/format';

export type PipelineStep = ApplicationPatch['status'];

/** Which next steps the employers service allows from each status (its legal transitions). */
export const NEXT_STEPS: Record<string, PipelineStep[]> = {
  new: ['interview', 'offered', 'hired', 'declined'],
  interview: ['interview', 'offered', 'hired', 'declined'],
  offered: ['hired', 'declined'],
};

interface StepForm {
  interviewAt?: Dayjs;
  startDate?: Dayjs;
  contractType?: ContractType;
  reason?: DeclineReason;
  reasonNote?: string;
}

/** Asks what the step needs (interview time, start date and contract, or a reason to decline) and returns the patch. */
export function ApplicationActionModal({ application, step, busy, onCancel, onSubmit }: { application: Application | null; step: PipelineStep | null; busy: boolean; onCancel(): void; onSubmit(patch: ApplicationPatch): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepForm>();
  const required = { required: true, message: t('common.required') };
  if (!application || !step) return null;
  const finish = (v: StepForm) =>
    onSubmit({
      status: step,
      interviewAt: v.interviewAt?.toISOString(),
      startDate: isoDate(v.startDate),
      contractType: v.contractType,
      reason: v.reason,
      reasonNote: v.reasonNote?.trim() || undefined,
    });
  return (
    <Modal
      open
      title={t(`pipeline.step.${step}`)}
      okText={t(`pipeline.step.${step}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: step === 'declined' }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{t('pipeline.candidate', { name: application.candidate?.givenName ?? t('pipeline.anonymous') })}</p>
      <Form form={form} layout="vertical" onFinish={finish} initialValues={{ startDate: vietnamToday().add(7, 'day'), contractType: 'fixed-term', interviewAt: dayjs().add(2, 'day').hour(9).minute(0) }}>
        {step === 'interview' && (
          <Form.Item name="interviewAt" label={t('pipeline.interviewAt')} rules={[required]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        )}
        {step === 'hired' && (
          <>
            <Form.Item name="startDate" label={t('pipeline.startDate')} rules={[required]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="contractType" label={t('pipeline.contractType')}>
              <Select options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`pipeline.contract.${c}`) }))} />
            </Form.Item>
          </>
        )}
        {step === 'declined' && (
          <>
            <Form.Item name="reason" label={t('pipeline.reason')} rules={[required]}>
              <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`status.${r}`) }))} />
            </Form.Item>
            <Form.Item name="reasonNote" label={t('pipeline.reasonNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
