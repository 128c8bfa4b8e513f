import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import {
  casesApi,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  GENDERS,
  NEEDS,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  RELEASE_KINDS,
  SENTENCE_KINDS,
  type ConsentMethod,
  type ConsentPurpose,
  type Gender,
  type Need,
  type NewReturnee,
  type ReleaseKind,
  type SentenceKind,
} from '../../api/cases.api';
import { newIdempotencyKey } from '../../api/http';
import { useUser } from '../../auth/session-context';
import { useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { showProblemOnForm, type KnownField } from '../../components/problem-fields';
import { CommuneSelect, OccupationSelect, ProvinceSelect, SkillSelect } from '../../components/reference-selects';
import { isoDate, vietnamToday } from '../../format/format';

interface RegisterForm {
  fullName: string;
  dateOfBirth: Dayjs;
  gender: Gender;
  nationalId?: string;
  phone?: string;
  address: { provinceCode: string; communeCode: string; line?: string };
  releaseDate: Dayjs;
  releaseKind: ReleaseKind;
  probationEndsOn?: Dayjs;
  sentence: { kind: SentenceKind; months?: number };
  offenceCategory: OffenceCategory;
  restrictions: {
    bannedOccupations?: { code: string; until: Dayjs }[];
    bannedAreas?: { provinceCode: string; until: Dayjs }[];
    supervised?: boolean;
    supervisedUntil?: Dayjs;
    noStateAgencyWork?: boolean;
    noStateAgencyWorkUntil?: Dayjs;
  };
  skills?: string[];
  needs?: Need[];
  availableFrom?: Dayjs;
  prefersStable?: boolean;
  consent: Partial<Record<ConsentPurpose, boolean>> & { version?: string; method?: ConsentMethod };
}

// The API's field names as this form names them, for problem+json `errors[].field`.
const KNOWN_FIELDS: KnownField[] = [
  ['fullName'], ['dateOfBirth'], ['gender'], ['nationalId'], ['phone'],
  ['address', 'provinceCode'], ['address', 'communeCode'], ['address', 'line'],
  ['releaseDate'], ['releaseKind'], ['probationEndsOn'], ['sentence', 'kind'], ['sentence', 'months'], ['offenceCategory'],
  ['restrictions', 'bannedOccupations', '*', 'code'], ['restrictions', 'bannedOccupations', '*', 'until'],
  ['restrictions', 'bannedAreas', '*', 'provinceCode'], ['restrictions', 'bannedAreas', '*', 'until'],
  ['restrictions', 'noStateAgencyWorkUntil'], ['skills'], ['needs'],
  ...CONSENT_PURPOSES.map((p) => ['consent', p]), ['consent', 'version'], ['consent', 'method'],
];

function toRequest(v: RegisterForm): NewReturnee {
  const r = v.restrictions ?? {};
  return {
    fullName: v.fullName.trim(),
    dateOfBirth: isoDate(v.dateOfBirth)!,
    gender: v.gender,
    nationalId: v.nationalId?.trim() || undefined,
    phone: v.phone?.trim() || undefined,
    address: { provinceCode: v.address.provinceCode, communeCode: v.address.communeCode, line: v.address.line?.trim() || undefined },
    releaseDate: isoDate(v.releaseDate)!,
    releaseKind: v.releaseKind,
    probationEndsOn: isoDate(v.probationEndsOn),
    sentence: { kind: v.sentence.kind, months: v.sentence.months ?? undefined },
    offenceCategory: v.offenceCategory,
    restrictions: {
      bannedOccupations: (r.bannedOccupations ?? []).map((b) => ({ code: b.code, until: isoDate(b.until)! })),
      bannedAreas: (r.bannedAreas ?? []).map((b) => ({ provinceCode: b.provinceCode, until: isoDate(b.until)! })),
      supervisedCommune: r.supervised && r.supervisedUntil ? { communeCode: v.address.communeCode, until: isoDate(r.supervisedUntil)! } : null,
      noStateAgencyWork: Boolean(r.noStateAgencyWork),
      noStateAgencyWorkUntil: r.noStateAgencyWork ? isoDate(r.noStateAgencyWorkUntil) : undefined,
    },
    skills: v.skills ?? [],
    needs: v.needs ?? [],
    preferences: { availableFrom: isoDate(v.availableFrom), prefersStable: v.prefersStable },
    consent: {
      ...Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, Boolean(v.consent?.[p])])),
      version: v.consent?.version?.trim() || undefined,
      method: v.consent?.method,
    },
  };
}

/** Register a returnee (Circular 10/2024 reception): validated here, and the API's field errors shown beside each field. */
export default function RegisterReturneePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<RegisterForm>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string>();
  // one key per filled-in form: a double click or a retry after a timeout registers the person once
  const idempotencyKey = useRef(newIdempotencyKey());
  const provinceCode = Form.useWatch(['address', 'provinceCode'], form);
  const sentenceKind = Form.useWatch(['sentence', 'kind'], form);
  const releaseKind = Form.useWatch('releaseKind', form);
  const supervised = Form.useWatch(['restrictions', 'supervised'], form);
  const noStateAgencyWork = Form.useWatch(['restrictions', 'noStateAgencyWork'], form);
  const required = { required: true, message: t('common.required') };
  const notFuture = (_: unknown, value?: Dayjs) => (value && value.isAfter(vietnamToday(), 'day') ? Promise.reject(new Error(t('register.notInFuture'))) : Promise.resolve());

  const submit = async (values: RegisterForm) => {
    setBusy(true);
    setBanner([]);
    setFailure(null);
    setExistingId(undefined);
    try {
      const created = await casesApi.registerReturnee(toRequest(values), idempotencyKey.current);
      message.success(t('register.done', { name: created.fullName }));
      if (created.possibleDuplicates?.length) message.warning(t('register.possibleDuplicates', { count: created.possibleDuplicates.length }));
      navigate(`/officer/returnees/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RETURNEE.NATIONAL_ID_TAKEN') {
        form.setFields([{ name: 'nationalId', errors: [t('register.nationalIdTaken')] }]);
        if (typeof error.problem.existingId === 'string') setExistingId(error.problem.existingId);
      } else {
        const leftovers = showProblemOnForm(form, error, KNOWN_FIELDS);
        if (!(error instanceof ApiError) || !error.fieldErrors.length) setFailure(errorMessage(error));
        else if (leftovers.length) setBanner(leftovers);
      }
      // a refused request created nothing: the next try is a new request
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('register.title')} subtitle={t('register.subtitle')} />
      {failure && <Alert role="alert" type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      {banner.length > 0 && <Alert role="alert" type="error" showIcon message={t('register.fixErrors')} description={<ul className="reason-list">{banner.map((b) => <li key={b}>{b}</li>)}</ul>} style={{ marginBottom: 16 }} />}
      {existingId && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('register.nationalIdTaken')} action={<Link to={`/officer/returnees/${existingId}`}>{t('register.openExisting')}</Link>} />
      )}
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setBanner([])}
        scrollToFirstError
        disabled={busy}
        initialValues={{ address: { provinceCode: user.provinceCode }, releaseKind: 'completed', sentence: { kind: 'prison' }, consent: { method: 'paper-form', version: 'v1' } }}
      >
        <Card title={t('register.sectionIdentity')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="fullName" label={t('fields.fullName')} rules={[required, { min: 2, max: 120, message: t('register.nameLength') }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="dateOfBirth" label={t('fields.dateOfBirth')} rules={[required, { validator: notFuture }]}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="gender" label={t('fields.gender')} rules={[required]}>
                <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nationalId" label={t('fields.nationalId')} rules={[{ pattern: /^\d{12}$/, message: t('register.nationalIdFormat') }]}>
                <Input inputMode="numeric" maxLength={12} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: /^\+?\d{9,12}$/, message: t('register.phoneFormat') }]}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['address', 'provinceCode']} label={t('fields.province')} rules={[required]}>
                <ProvinceSelect onChange={() => form.setFieldValue(['address', 'communeCode'], undefined)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['address', 'communeCode']} label={t('fields.commune')} rules={[required]}>
                <CommuneSelect provinceCode={provinceCode} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['address', 'line']} label={t('fields.addressLine')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('register.sectionSentence')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="releaseDate" label={t('fields.releaseDate')} rules={[required]}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="releaseKind" label={t('fields.releaseKind')} rules={[required]}>
                <Select options={RELEASE_KINDS.map((k) => ({ value: k, label: t(`releaseKind.${k}`) }))} />
              </Form.Item>
            </Col>
            {(releaseKind === 'conditional' || releaseKind === 'suspended') && (
              <Col xs={12} md={6}>
                <Form.Item name="probationEndsOn" label={t('fields.probationEndsOn')}>
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={6}>
              <Form.Item name={['sentence', 'kind']} label={t('fields.sentenceKind')} rules={[required]}>
                <Select options={SENTENCE_KINDS.map((k) => ({ value: k, label: t(`sentenceKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['sentence', 'months']}
                label={t('fields.sentenceMonths')}
                rules={sentenceKind === 'prison' ? [required] : []}
              >
                <InputNumber min={1} max={600} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="offenceCategory" label={t('fields.offenceCategory')} rules={[required]} extra={t('register.offenceSensitive')}>
                <Select showSearch optionFilterProp="label" options={OFFENCE_CATEGORIES.map((c) => ({ value: c, label: t(`offence.${c}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('register.sectionRestrictions')} style={{ marginBottom: 16 }} extra={<span className="muted hide-on-phone">{t('register.restrictionsHint')}</span>}>
          <Form.List name={['restrictions', 'bannedOccupations']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'code']} label={t('register.bannedOccupation')} rules={[required]} style={{ minWidth: 260 }}>
                      <OccupationSelect />
                    </Form.Item>
                    <Form.Item name={[field.name, 'until']} label={t('fields.until')} rules={[required]}>
                      <DatePicker format="DD/MM/YYYY" />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('register.removeRow')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                  {t('register.addBannedOccupation')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.List name={['restrictions', 'bannedAreas']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'provinceCode']} label={t('register.bannedArea')} rules={[required]} style={{ minWidth: 220 }}>
                      <ProvinceSelect />
                    </Form.Item>
                    <Form.Item name={[field.name, 'until']} label={t('fields.until')} rules={[required]}>
                      <DatePicker format="DD/MM/YYYY" />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('register.removeRow')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                  {t('register.addBannedArea')}
                </Button>
              </>
            )}
          </Form.List>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['restrictions', 'supervised']} label={t('register.supervised')} valuePropName="checked">
                <Switch />
              </Form.Item>
              {supervised && (
                <Form.Item name={['restrictions', 'supervisedUntil']} label={t('fields.until')} rules={[required]}>
                  <DatePicker format="DD/MM/YYYY" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['restrictions', 'noStateAgencyWork']} label={t('register.noStateAgencyWork')} valuePropName="checked">
                <Switch />
              </Form.Item>
              {noStateAgencyWork && (
                <Form.Item name={['restrictions', 'noStateAgencyWorkUntil']} label={t('fields.until')}>
                  <DatePicker format="DD/MM/YYYY" />
                </Form.Item>
              )}
            </Col>
          </Row>
        </Card>

        <Card title={t('register.sectionNeeds')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="skills" label={t('fields.skills')}>
                <SkillSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="needs" label={t('fields.needs')}>
                <Checkbox.Group options={NEEDS.map((n) => ({ value: n, label: t(`need.${n}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="availableFrom" label={t('fields.availableFrom')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="prefersStable" label={t('fields.prefersStable')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('register.sectionConsent')} style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon message={t('consent.explain')} style={{ marginBottom: 16 }} />
          {CONSENT_PURPOSES.map((purpose) => (
            <Form.Item key={purpose} name={['consent', purpose]} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t(`consent.purpose.${purpose}`)}</Checkbox>
            </Form.Item>
          ))}
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col xs={12} md={6}>
              <Form.Item name={['consent', 'method']} label={t('consent.method')}>
                <Select options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.methods.${m}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['consent', 'version']} label={t('consent.version')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            {t('register.submit')}
          </Button>
          <Button onClick={() => navigate(-1)} size="large">
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </>
  );
}
