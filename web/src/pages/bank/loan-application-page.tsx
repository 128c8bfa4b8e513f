import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Radio, Row, Space, Table, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/http';
import { loansApi, type Instalment, type Money } from '../../api/loans.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { StatusTag } from '../../components/status-tag';
import { formatDate, formatDateTime, formatVnd, isoDate, vietnamToday } from '../../format/format';
import { useAsync } from '../../format/use-async';

/**
 * One loan file: eligibility results, documents, notes; the reviewer takes it
 * and records an assessment, and another staff member decides (four-eyes: the
 * service refuses a decision by the reviewer with LOAN.FOUR_EYES).
 */
export default function LoanApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const file = useAsync(() => loansApi.get(id), [id]);
  const schedule = useAsync(() => (can('GET', '/api/loans/applications/{id}/schedule') ? loansApi.schedule(id).catch(() => null) : Promise.resolve(null)), [id, file.data?.status]);
  const [dialog, setDialog] = useState<'assessment' | 'decision' | null>(null);
  const [money, setMoney] = useState<'disbursement' | 'repayment' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text?: string; recommendation?: 'approve' | 'reject'; decision?: 'approved' | 'rejected'; reasons?: string }>();

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      message.success(t('common.saved'));
      setDialog(null);
      file.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (file.loading && !file.data) return <PageLoading />;
  if (!file.data) return <ApiErrorAlert error={file.error} onRetry={file.reload} />;
  const a = file.data;
  const instalments: Instalment[] = schedule.data?.instalments ?? [];
  const nextDue = instalments.find((i) => i.state !== 'paid');
  const repayable = ['disbursed', 'repaying', 'overdue'].includes(a.status);
  const open = ['submitted', 'under-review', 'more-info-needed'].includes(a.status);

  return (
    <>
      <PageHeader
        title={`${t('loans.application')} — ${a.returnee?.givenName ?? t(`loans.borrower.${a.borrowerKind}`)}`}
        subtitle={<Space><StatusTag value={a.status} />{a.decisionClock && <span>{t('loans.dueOn', { date: formatDate(a.decisionClock.dueOn), count: a.decisionClock.ageWorkingDays })}</span>}</Space>}
        extra={
          <>
            {a.status === 'submitted' && can('POST', '/api/loans/applications/{id}/assign') && <Button onClick={() => void run(() => loansApi.assign(a.id))} loading={busy}>{t('loans.take')}</Button>}
            {open && can('POST', '/api/loans/applications/{id}/notes') && <Button onClick={() => { form.resetFields(); setDialog('assessment'); }}>{t('loans.assess')}</Button>}
            {open && can('POST', '/api/loans/applications/{id}/decision') && <Button type="primary" onClick={() => { form.resetFields(); setDialog('decision'); }}>{t('loans.decide')}</Button>}
            {a.status === 'approved' && can('POST', '/api/loans/applications/{id}/disbursement') && <Button type="primary" onClick={() => setMoney('disbursement')}>{t('loans.disburse')}</Button>}
            {repayable && can('POST', '/api/loans/applications/{id}/repayments') && <Button type="primary" onClick={() => setMoney('repayment')}>{t('loans.repay')}</Button>}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('loans.file')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('loans.purpose')}>{t(`loanPurpose.${a.purpose}`, { defaultValue: a.purpose })}</Descriptions.Item>
              <Descriptions.Item label={t('loans.amount')}>{formatVnd(a.amountVnd)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.term')}>{t('matches.termMonths', { count: a.termMonths })}</Descriptions.Item>
              <Descriptions.Item label={t('loans.plan')}>{a.plan}</Descriptions.Item>
              {a.returnee?.creditWindowEndsOn && <Descriptions.Item label={t('file.creditWindowEndsOn')}>{formatDate(a.returnee.creditWindowEndsOn)}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('loans.eligibility')} size="small">
            {a.eligibility.eligible ? (
              <Alert type="success" showIcon message={t('loans.eligible')} />
            ) : (
              <Alert type="error" showIcon message={t('loans.notEligible', { count: a.eligibility.failures.length })} description={<ul className="reason-list">{a.eligibility.failures.map((f) => <li key={f.rule}>{f.message}</li>)}</ul>} />
            )}
          </Card>
          <Card title={t('loans.documents')} size="small" style={{ marginTop: 16 }}>
            <List size="small" dataSource={a.documents} locale={{ emptyText: t('common.none') }} renderItem={(d) => <List.Item>{d.fileName}</List.Item>} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('loans.notes')} size="small">
            <List size="small" dataSource={a.notes} locale={{ emptyText: t('common.none') }} renderItem={(n) => <List.Item>{n.kind === 'assessment' ? `${t('loans.assessment')}: ` : ''}{n.text}{n.recommendation ? ` (${t(`loans.recommend.${n.recommendation}`)})` : ''} <span className="muted">{formatDateTime(n.at)}</span></List.Item>} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('loans.history')} size="small">
            <Timeline items={a.history.map((h) => ({ children: <>{formatDateTime(h.at)} — {t(`status.${h.status}`)}{h.reasons?.length ? `: ${h.reasons.join('; ')}` : ''}</> }))} />
          </Card>
        </Col>
        {instalments.length > 0 && (
          <Col span={24}>
            <Card title={schedule.data?.projected ? t('loans.scheduleProjected') : t('loans.schedule')} size="small">
              {schedule.data && (
                <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('loans.disbursedOn')}>{schedule.data.projected ? '—' : formatDate(schedule.data.disbursedOn)}</Descriptions.Item>
                  <Descriptions.Item label={t('loans.monthlyRate')}>{`${schedule.data.monthlyRatePercent.toLocaleString('vi-VN')} %`}</Descriptions.Item>
                  {schedule.data.outstandingPrincipalVnd !== undefined && <Descriptions.Item label={t('loans.outstanding')}>{formatVnd(schedule.data.outstandingPrincipalVnd)}</Descriptions.Item>}
                  {schedule.data.payoffVnd !== undefined && <Descriptions.Item label={t('loans.payoff')}>{formatVnd(schedule.data.payoffVnd)}</Descriptions.Item>}
                </Descriptions>
              )}
              <Table<Instalment> size="small" rowKey="number" dataSource={instalments} pagination={{ pageSize: 12 }} scroll={{ x: 560 }} columns={[
                { title: '#', dataIndex: 'number' },
                { title: t('loans.dueDate'), dataIndex: 'dueOn', render: formatDate },
                { title: t('loans.principal'), dataIndex: 'principalVnd', render: formatVnd },
                { title: t('loans.interest'), dataIndex: 'interestVnd', render: formatVnd },
                { title: t('loans.balance'), dataIndex: 'openingBalanceVnd', render: formatVnd },
                { title: t('loans.paid'), key: 'paid', render: (_, i) => formatVnd((i.paidPrincipalVnd ?? 0) + (i.paidInterestVnd ?? 0)) },
                { title: t('fields.status'), dataIndex: 'state', render: (state?: string) => (state ? t(`loans.instalmentState.${state}`) : '—') },
              ]} />
            </Card>
          </Col>
        )}
      </Row>
      {money && (
        <MoneyModal
          title={money === 'disbursement' ? t('loans.disburse') : t('loans.repay')}
          initialAmount={money === 'disbursement' ? a.amountVnd : nextDue ? nextDue.principalVnd + nextDue.interestVnd - (nextDue.paidPrincipalVnd ?? 0) - (nextDue.paidInterestVnd ?? 0) : 0}
          onCancel={() => setMoney(null)}
          onOk={(m, idempotencyKey) =>
            run(async () => {
              await (money === 'disbursement' ? loansApi.disburse(a.id, m) : loansApi.repay(a.id, m, idempotencyKey));
              setMoney(null);
              schedule.reload();
            })
          }
        />
      )}
      <Modal open={dialog !== null} title={dialog === 'decision' ? t('loans.decide') : t('loans.assess')} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        {dialog === 'decision' && <Alert type="info" showIcon message={t('loans.fourEyes')} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(() =>
              dialog === 'decision'
                ? loansApi.decide(a.id, { decision: v.decision!, reasons: (v.reasons ?? '').split('\n').map((r) => r.trim()).filter(Boolean) })
                : loansApi.addNote(a.id, { kind: 'assessment', text: v.text!, recommendation: v.recommendation }),
            )
          }
        >
          {dialog === 'decision' ? (
            <>
              <Form.Item name="decision" label={t('loans.decision')} rules={[{ required: true, message: t('common.required') }]}>
                <Radio.Group options={[{ value: 'approved', label: t('status.approved') }, { value: 'rejected', label: t('status.rejected') }]} />
              </Form.Item>
              <Form.Item name="reasons" label={t('loans.reasons')} extra={t('loans.reasonsHint')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="text" label={t('loans.assessment')} rules={[{ required: true, message: t('common.required') }]}>
                <Input.TextArea rows={3} maxLength={200} />
              </Form.Item>
              <Form.Item name="recommendation" label={t('loans.recommendation')}>
                <Radio.Group options={[{ value: 'approve', label: t('loans.recommend.approve') }, { value: 'reject', label: t('loans.recommend.reject') }]} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/**
 * An amount in VND and the day it moved (disbursement or repayment). One Idempotency-Key per opened dialog:
 * pressing Save again after a lost answer records the repayment once.
 */
function MoneyModal({ title, initialAmount, onOk, onCancel }: { title: string; initialAmount: number; onOk(money: Money, idempotencyKey: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amountVnd: number; on: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    await onOk({ amountVnd: v.amountVnd, on: isoDate(v.on)! }, idempotencyKey.current).finally(() => setBusy(false));
  };
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={onCancel}>
      <Form form={form} layout="vertical" initialValues={{ amountVnd: initialAmount, on: vietnamToday() }}>
        <Form.Item name="amountVnd" label={t('loans.moneyAmount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} step={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="on" label={t('loans.moneyOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
