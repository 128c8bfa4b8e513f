import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { useErrorMessage } from '../components/api-error-alert';
import { LanguageSwitch } from '../layout/language-switch';
import { homeOf } from '../layout/role-menu';

interface LoginForm {
  email: string;
  password: string;
}

/** Sign in; the API's answer is shown next to the field it concerns. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, expired } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorMessage = useErrorMessage();

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setBanner(null);
    try {
      const user = await login(values.email.trim(), values.password);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(user.role), { replace: true });
    } catch (error) {
      showLoginError(error);
    } finally {
      setBusy(false);
    }
  };

  const showLoginError = (error: unknown) => {
    if (!(error instanceof ApiError)) return setBanner(errorMessage(error));
    if (error.status === 400 && error.fieldErrors.length) {
      const fields = error.fieldErrors.map((e) => (e.field.includes('email') ? 'email' : 'password'));
      form.setFields(fields.map((name) => ({ name, errors: [t(name === 'email' ? 'login.emailInvalid' : 'login.passwordRequired')] })));
      return;
    }
    if (error.code === 'AUTH.INVALID_CREDENTIALS') return form.setFields([{ name: 'password', errors: [t('login.invalidCredentials')] }]);
    if (error.code === 'AUTH.ACCOUNT_LOCKED' || error.status === 423) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? Number(error.problem.retryAfterSeconds ?? 60)) / 60));
      return form.setFields([{ name: 'email', errors: [t('login.locked', { minutes })] }]);
    }
    if (error.code === 'AUTH.ACCOUNT_DISABLED') return form.setFields([{ name: 'email', errors: [t('login.disabled')] }]);
    setBanner(errorMessage(error));
  };

  return (
    <main className="login-screen">
      <Card className="login-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              Hòa Nhập
            </Typography.Title>
          </span>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph className="muted">{t('login.tagline')}</Typography.Paragraph>
        {expired && <Alert type="warning" showIcon message={t('login.expired')} style={{ marginBottom: 16 }} />}
        {banner && <Alert type="error" role="alert" showIcon message={banner} style={{ marginBottom: 16 }} />}
        <Form<LoginForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('login.emailRequired') }, { type: 'email', message: t('login.emailInvalid') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
