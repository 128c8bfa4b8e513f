import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { employersApi, type EmploymentType, type JobInput } from '../../api/employers.api';
import { newIdempotencyKey } from '../../api/http';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { showProblemOnForm, type KnownField } from '../../components/problem-fields';
import { CommuneSelect, OccupationSelect, ProvinceSelect, SkillSelect } from '../../components/reference-selects';
import { isoDate, vietnamToday } from '../../format/format';
import { useAsync } from '../../format/use-async';

/** What this form edits; the rest of a job (shifts, season, physical demands…) stays as the employer posted it. */
type EditedField =
  | 'title' | 'occupationCode' | 'skills' | 'provinceCode' | 'communeCode' | 'workAddress' | 'employmentType' | 'openings'
  | 'wageMinVnd' | 'wageMaxVnd' | 'hoursPerWeek' | 'accommodation' | 'meals' | 'trainingOnTheJob' | 'description';

interface JobForm extends Pick<JobInput, EditedField> {
  closesAt?: Dayjs;
  draft?: boolean;
}

const KNOWN_FIELDS: KnownField[] = [
  ['title'], ['occupationCode'], ['skills'], ['provinceCode'], ['communeCode'], ['workAddress'], ['employmentType'], ['openings'],
  ['wageMinVnd'], ['wageMaxVnd'], ['hoursPerWeek'], ['minimumAge'], ['description'], ['closesAt'],
];
const vndFormatter = (value: number | string | undefined) => (value === undefined || value === '' ? '' : new Intl.NumberFormat('vi-VN').format(Number(value)));
const vndParser = (value: string | undefined) => Number((value ?? '').replace(/\D/g, '')) as unknown as number;

/** Post a job, or edit one of the employer's own (id in the URL). */
export default function JobFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<JobForm>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const existing = useAsync(() => (id ? employersApi.getJob(id) : Promise.resolve(undefined)), [id]);
  const provinceCode = Form.useWatch('provinceCode', form);
  const required = { required: true, message: t('common.required') };

  useEffect(() => {
    const job = existing.data;
    if (job) form.setFieldsValue({ ...job, closesAt: job.closesAt ? dayjs(job.closesAt) : undefined });
  }, [existing.data, form]);

  const submit = async (v: JobForm) => {
    setBusy(true);
    setBanner([]);
    setFailure(null);
    const { draft, closesAt, ...rest } = v;
    const body: Omit<JobInput, 'status'> = { ...rest, skills: v.skills ?? [], closesAt: isoDate(closesAt), description: v.description?.trim() || undefined };
    try {
      const job = id ? await employersApi.updateJob(id, body) : await employersApi.postJob({ ...body, status: draft ? 'draft' : 'open' }, idempotencyKey.current);
      message.success(t(id ? 'common.saved' : 'jobs.posted', { title: job.title }));
      navigate(`/employer/jobs/${job.id}`);
    } catch (error) {
      const leftovers = showProblemOnForm(form, error, KNOWN_FIELDS);
      if (!(error instanceof ApiError) || !error.fieldErrors.length) setFailure(errorMessage(error));
      else if (leftovers.length) setBanner(leftovers);
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  if (id && existing.loading) return <PageLoading />;
  return (
    <>
      <PageHeader title={id ? t('jobs.editTitle') : t('jobs.new')} />
      <ApiErrorAlert error={existing.error} onRetry={existing.reload} />
      {failure && <Alert role="alert" type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      {banner.length > 0 && <Alert role="alert" type="error" showIcon message={t('register.fixErrors')} description={<ul className="reason-list">{banner.map((b) => <li key={b}>{b}</li>)}</ul>} style={{ marginBottom: 16 }} />}
      <Form<JobForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        disabled={busy}
        initialValues={{ provinceCode: user.provinceCode, employmentType: 'stable', openings: 1, closesAt: vietnamToday().add(30, 'day') }}
      >
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('jobs.jobTitle')} rules={[required, { max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="occupationCode" label={t('jobs.occupation')} rules={[required]}>
                <OccupationSelect />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="skills" label={t('jobs.skills')} extra={t('jobs.skillsHint')}>
                <SkillSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="provinceCode" label={t('fields.province')} rules={[required]}>
                <ProvinceSelect onChange={() => form.setFieldValue('communeCode', undefined)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="communeCode" label={t('fields.commune')} rules={[required]}>
                <CommuneSelect provinceCode={provinceCode} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="workAddress" label={t('jobs.workAddress')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="employmentType" label={t('jobs.employmentType')} rules={[required]}>
                <Select<EmploymentType> options={(['stable', 'seasonal'] as const).map((e) => ({ value: e, label: t(`employmentType.${e}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="openings" label={t('jobs.openings')} rules={[required]}>
                <InputNumber min={1} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="wageMinVnd" label={t('jobs.wageMin')} rules={[required]}>
                <InputNumber<number> min={0} max={1000000000} step={500000} formatter={vndFormatter} parser={vndParser} addonAfter="₫" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="wageMaxVnd"
                label={t('jobs.wageMax')}
                dependencies={['wageMinVnd']}
                rules={[required, ({ getFieldValue }) => ({ validator: (_, value?: number) => (value !== undefined && value < (getFieldValue('wageMinVnd') ?? 0) ? Promise.reject(new Error(t('jobs.wageOrder'))) : Promise.resolve()) })]}
              >
                <InputNumber<number> min={0} max={1000000000} step={500000} formatter={vndFormatter} parser={vndParser} addonAfter="₫" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="hoursPerWeek" label={t('jobs.hoursPerWeek')}>
                <InputNumber min={1} max={72} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="closesAt" label={t('jobs.closesAt')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="accommodation" label={t('jobs.accommodation')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="meals" label={t('jobs.meals')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="trainingOnTheJob" label={t('jobs.training')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('jobs.description')}>
                <Input.TextArea rows={4} maxLength={5000} showCount />
              </Form.Item>
            </Col>
            {!id && (
              <Col xs={24}>
                <Form.Item name="draft" valuePropName="checked" label={t('jobs.saveAsDraft')}>
                  <Switch />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            {id ? t('common.save') : t('jobs.post')}
          </Button>
          <Button size="large" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </>
  );
}
