import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/http';
import { collegesApi, type Certificate, type Cohort, type CohortStatus, type Enrolment } from '../../api/colleges.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { useReferenceLabels } from '../../components/reference-data';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate, formatVnd, isoDate, vietnamToday } from '../../format/format';
import { useAsync } from '../../format/use-async';

/** The next step of a cohort (planned → open → running → finished). */
const NEXT_COHORT_STATUS: Partial<Record<CohortStatus, CohortStatus>> = { planned: 'open', open: 'running', running: 'finished' };

/** One course: its cohorts (create, open, start, finish), its enrolments, attendance, completion and certificates. */
export default function CourseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
  const course = useAsync(() => collegesApi.getCourse(id), [id]);
  const cohorts = usePaged((cursor) => collegesApi.listCohorts(id, cursor), [id]);
  const [cohortFilter, setCohortFilter] = useState<string>();
  const enrolments = usePaged((cursor) => collegesApi.courseEnrolments(id, { cohortId: cohortFilter, limit: 50, cursor }), [id, cohortFilter]);
  const [newCohort, setNewCohort] = useState(false);
  const [completing, setCompleting] = useState<Enrolment | null>(null);
  const [declining, setDeclining] = useState<Enrolment | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<Enrolment | null>(null);
  const [certificateId, setCertificateId] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      cohorts.reload();
      enrolments.reload();
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };

  if (course.loading) return <PageLoading />;
  if (!course.data) return <ApiErrorAlert error={course.error} onRetry={course.reload} />;
  const c = course.data;
  const cohortLabel = (cohortId: string) => {
    const found = cohorts.items.find((k) => k.id === cohortId);
    return found ? t('college.cohortOf', { date: formatDate(found.startsOn) }) : cohortId.slice(0, 8);
  };
  const canChangeEnrolment = can('PATCH', '/api/colleges/enrollments/{id}');

  return (
    <>
      <PageHeader title={c.title} subtitle={labels.occupation(c.occupationCode)} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('college.durationWeeks')}>{c.durationWeeks}</Descriptions.Item>
          <Descriptions.Item label={t('college.tuitionVnd')}>{formatVnd(c.netTuitionVnd)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.province')}>{labels.province(c.provinceCode)}</Descriptions.Item>
          <Descriptions.Item label={t('college.skillsGranted')}>{c.skillsGranted.map((s) => labels.skill(s)).join(', ') || t('common.none')}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t('college.cohorts')}
        style={{ marginBottom: 16 }}
        extra={
          can('POST', '/api/colleges/courses/{id}/cohorts') && (
            <Button icon={<PlusOutlined />} onClick={() => setNewCohort(true)}>
              {t('college.newCohort')}
            </Button>
          )
        }
      >
        <ApiErrorAlert error={cohorts.error} onRetry={cohorts.reload} />
        <Table<Cohort>
          rowKey="id"
          size="small"
          loading={cohorts.loading}
          dataSource={cohorts.items}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('college.noCohorts') }}
          columns={[
            { title: t('college.startsOn'), dataIndex: 'startsOn', render: (d: string) => formatDate(d) },
            { title: t('college.endsOn'), dataIndex: 'endsOn', render: (d: string) => formatDate(d) },
            { title: t('college.seatsLeft'), key: 'seats', render: (_, k) => `${k.seatsLeft}/${k.seats}` },
            { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, k) => {
                const next = NEXT_COHORT_STATUS[k.status];
                return next && can('PATCH', '/api/colleges/cohorts/{id}') ? (
                  <Button size="small" onClick={() => void act(() => collegesApi.updateCohort(k.id, { status: next }), t('common.saved'))}>
                    {t(`college.cohortTo.${next}`)}
                  </Button>
                ) : null;
              },
            },
          ]}
        />
      </Card>

      <Card
        title={t('college.enrolments')}
        extra={
          <Select<string>
            aria-label={t('college.cohortFilter')}
            placeholder={t('college.allCohorts')}
            allowClear
            style={{ minWidth: 200 }}
            value={cohortFilter}
            onChange={setCohortFilter}
            options={cohorts.items.map((k) => ({ value: k.id, label: cohortLabel(k.id) }))}
          />
        }
      >
        <ApiErrorAlert error={enrolments.error} onRetry={enrolments.reload} />
        <Table<Enrolment>
          rowKey="id"
          size="small"
          loading={enrolments.loading}
          dataSource={enrolments.items}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('college.noEnrolments') }}
          columns={[
            { title: t('college.learner'), key: 'who', render: (_, e) => (e.returnee.consented ? (e.returnee.givenName ?? '—') : t('college.notShared')) },
            { title: t('college.cohort'), dataIndex: 'cohortId', render: (cohortId: string) => cohortLabel(cohortId) },
            { title: t('college.source'), dataIndex: 'source', render: (s: string) => t(`college.sourceKind.${s}`, { defaultValue: s }), responsive: ['md'] },
            { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, e) => (
                <Space wrap size={4}>
                  {canChangeEnrolment && (e.status === 'new' || e.status === 'waitlisted') && (
                    <>
                      <Button size="small" type="primary" onClick={() => void act(() => collegesApi.changeEnrolment(e.id, { status: 'enrolled' }), t('college.enrolledDone'))}>
                        {t('college.enrol')}
                      </Button>
                      <Button size="small" danger onClick={() => setDeclining(e)}>
                        {t('college.decline')}
                      </Button>
                    </>
                  )}
                  {e.status === 'enrolled' && (
                    <>
                      <Button size="small" onClick={() => setAttendanceOf(e)}>
                        {t('college.attendance')}
                      </Button>
                      {canChangeEnrolment && (
                        <>
                          <Button size="small" type="primary" onClick={() => setCompleting(e)}>
                            {t('college.complete')}
                          </Button>
                          <Button size="small" danger onClick={() => void act(() => collegesApi.changeEnrolment(e.id, { status: 'dropped' }), t('common.saved'))}>
                            {t('college.drop')}
                          </Button>
                        </>
                      )}
                    </>
                  )}
                  {e.certificateId && (
                    <Button size="small" onClick={() => setCertificateId(e.certificateId!)}>
                      {t('college.viewCertificate')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {enrolments.hasMore && <Button onClick={enrolments.loadMore}>{t('common.loadMore')}</Button>}
      </Card>

      {newCohort && <NewCohortModal courseId={id} onClose={() => setNewCohort(false)} onDone={() => { setNewCohort(false); cohorts.reload(); }} />}
      <TextModal
        open={!!completing}
        title={t('college.completeTitle')}
        label={t('college.result')}
        initial={t('college.resultDefault')}
        onCancel={() => setCompleting(null)}
        onOk={async (result) => {
          if (completing && (await act(() => collegesApi.changeEnrolment(completing.id, { status: 'completed', result }), t('college.completedDone')))) setCompleting(null);
        }}
      />
      <TextModal
        open={!!declining}
        title={t('college.declineTitle')}
        label={t('college.reason')}
        onCancel={() => setDeclining(null)}
        onOk={async (reason) => {
          if (declining && (await act(() => collegesApi.changeEnrolment(declining.id, { status: 'declined', reason }), t('common.saved')))) setDeclining(null);
        }}
      />
      {attendanceOf && <AttendanceModal enrolment={attendanceOf} onClose={() => setAttendanceOf(null)} />}
      {certificateId && <CertificateModal certificateId={certificateId} onClose={() => setCertificateId(null)} />}
    </>
  );
}

function NewCohortModal({ courseId, onClose, onDone }: { courseId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ startsOn: Dayjs; endsOn?: Dayjs; seats: number; schedule?: string }>();
  const [busy, setBusy] = useState(false);
  // one key per opened dialog: Save pressed again after a lost answer opens one cohort
  const idempotencyKey = useRef(newIdempotencyKey());
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await collegesApi.createCohort(courseId, { startsOn: isoDate(v.startsOn)!, endsOn: isoDate(v.endsOn), seats: v.seats, schedule: v.schedule?.trim() || undefined, status: 'open' }, idempotencyKey.current);
      message.success(t('college.cohortCreated'));
      onDone();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('college.newCohort')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ startsOn: vietnamToday().add(7, 'day'), seats: 20 }}>
        <Form.Item name="startsOn" label={t('college.startsOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('college.endsOn')} extra={t('college.endsOnHint')}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="seats" label={t('college.seats')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="schedule" label={t('college.schedule')}>
          <Input placeholder="Thứ 2–6, 7:30–11:30" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TextModal({ open, title, label, initial, onOk, onCancel }: { open: boolean; title: string; label: string; initial?: string; onOk(text: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        await onOk(text.trim()).finally(() => setBusy(false));
      }}
      destroyOnHidden
    >
      <label>
        {label}
        <Input value={text} onChange={(e) => setText(e.target.value)} aria-label={label} maxLength={200} />
      </label>
    </Modal>
  );
}

function AttendanceModal({ enrolment, onClose }: { enrolment: Enrolment; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { can } = useCapabilities();
  const records = useAsync(() => collegesApi.attendance(enrolment.id).then((p) => p.items), [enrolment.id]);
  const [date, setDate] = useState<Dayjs | null>(vietnamToday());
  const record = async (present: boolean) => {
    if (!date) return;
    try {
      await collegesApi.recordAttendance(enrolment.id, { date: isoDate(date)!, present });
      message.success(t('college.attendanceSaved'));
      records.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const present = (records.data ?? []).filter((r) => r.present).length;
  return (
    <Modal open title={t('college.attendanceOf', { name: enrolment.returnee.givenName ?? '—' })} footer={null} onCancel={onClose}>
      {can('POST', '/api/colleges/enrollments/{id}/attendance') && (
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker aria-label={t('college.attendanceDate')} format="DD/MM/YYYY" value={date} onChange={setDate} />
          <Button type="primary" onClick={() => void record(true)}>
            {t('college.present')}
          </Button>
          <Button onClick={() => void record(false)}>{t('college.absent')}</Button>
        </Space>
      )}
      <ApiErrorAlert error={records.error} onRetry={records.reload} />
      <p>{t('college.attendanceSummary', { present, total: (records.data ?? []).length })}</p>
      <Table
        rowKey="date"
        size="small"
        loading={records.loading}
        dataSource={records.data ?? []}
        pagination={false}
        columns={[
          { title: t('college.attendanceDate'), dataIndex: 'date', render: (d: string) => formatDate(d) },
          { title: t('college.presence'), dataIndex: 'present', render: (p: boolean) => (p ? t('college.present') : t('college.absent')) },
        ]}
      />
    </Modal>
  );
}

function CertificateModal({ certificateId, onClose }: { certificateId: string; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const certificate = useAsync<Certificate>(() => collegesApi.certificate(certificateId), [certificateId]);
  const c = certificate.data;
  return (
    <Modal open title={t('college.certificate')} footer={null} onCancel={onClose}>
      <ApiErrorAlert error={certificate.error} onRetry={certificate.reload} />
      {c && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('college.certificateNumber')}>{c.number}</Descriptions.Item>
          <Descriptions.Item label={t('college.issuedOn')}>{formatDate(c.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('jobs.occupation')}>{labels.occupation(c.occupationCode)}</Descriptions.Item>
          <Descriptions.Item label={t('college.skillsGranted')}>{c.skills.map((s) => labels.skill(s)).join(', ') || t('common.none')}</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
