import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { collegesApi, type Course, type CourseInput } from '../../api/colleges.api';
import { newIdempotencyKey } from '../../api/http';
import { useCapabilities } from '../../auth/capabilities-context';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { showProblemOnForm, type KnownField } from '../../components/problem-fields';
import { useReferenceLabels } from '../../components/reference-data';
import { OccupationSelect, ProvinceSelect, SkillSelect } from '../../components/reference-selects';
import { usePaged } from '../../components/use-paged';
import { formatDate, formatVnd, isoDate, vietnamToday } from '../../format/format';

interface CourseForm extends Omit<CourseInput, 'startsAt'> {
  startsAt?: Dayjs;
}

const KNOWN_FIELDS: KnownField[] = [['title'], ['occupationCode'], ['skillsGranted'], ['provinceCode'], ['startsAt'], ['durationWeeks'], ['seats'], ['tuitionVnd']];

/** The college's courses, and a new course with its first cohort (the ARCHITECTURE §6 body). */
export default function CoursesPage() {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
  const [form] = Form.useForm<CourseForm>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const list = usePaged((cursor) => collegesApi.listCourses({ limit: 50, cursor }), []);
  const required = { required: true, message: t('common.required') };

  const submit = async (v: CourseForm) => {
    setBusy(true);
    setFailure(null);
    try {
      const body: CourseInput = { ...v, skillsGranted: v.skillsGranted ?? [], startsAt: isoDate(v.startsAt) };
      const course = await collegesApi.createCourse(body, idempotencyKey.current);
      message.success(t('college.courseCreated', { title: course.title }));
      navigate(`/college/courses/${course.id}`);
    } catch (error) {
      showProblemOnForm(form, error, KNOWN_FIELDS);
      if (!(error instanceof ApiError) || !error.fieldErrors.length) setFailure(errorMessage(error));
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('college.coursesTitle')}
        extra={
          can('POST', '/api/colleges/courses') &&
          !creating && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('college.newCourse')}
            </Button>
          )
        }
      />
      {creating && (
        <Card title={t('college.newCourse')} style={{ marginBottom: 16 }}>
          {failure && <Alert role="alert" type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
          <Form<CourseForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            disabled={busy}
            initialValues={{ provinceCode: user.provinceCode, durationWeeks: 12, seats: 20, tuitionVnd: 0, startsAt: vietnamToday().add(14, 'day') }}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="title" label={t('college.courseTitle')} rules={[required, { min: 3, max: 200 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="occupationCode" label={t('jobs.occupation')} rules={[required]}>
                  <OccupationSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="skillsGranted" label={t('college.skillsGranted')}>
                  <SkillSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="provinceCode" label={t('fields.province')} rules={[required]}>
                  <ProvinceSelect />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="startsAt" label={t('college.startsAt')} rules={[required]}>
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="durationWeeks" label={t('college.durationWeeks')} rules={[required]}>
                  <InputNumber min={1} max={104} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="seats" label={t('college.seats')} rules={[required]}>
                  <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="tuitionVnd" label={t('college.tuitionVnd')} rules={[required]}>
                  <InputNumber min={0} step={100000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('college.createCourse')}
            </Button>{' '}
            <Button onClick={() => setCreating(false)}>{t('common.cancel')}</Button>
          </Form>
        </Card>
      )}
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Course>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('college.noCourses') }}
        columns={[
          { title: t('college.courseTitle'), dataIndex: 'title', render: (title: string, c) => <Link to={`/college/courses/${c.id}`}>{title}</Link> },
          { title: t('jobs.occupation'), dataIndex: 'occupationCode', render: (code: string) => labels.occupation(code), responsive: ['md'] },
          { title: t('college.durationWeeks'), dataIndex: 'durationWeeks' },
          { title: t('college.tuitionVnd'), dataIndex: 'netTuitionVnd', render: (v: number) => formatVnd(v) },
          { title: t('college.firstCohort'), key: 'first', render: (_, c) => (c.firstCohort ? formatDate(c.firstCohort.startsOn) : '—'), responsive: ['md'] },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.loadMore} style={{ marginTop: 12 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
