import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@shouwang/contract';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { toApiRequestError, type ApiRequestError } from '../api/client';
import { ErrorText } from '../api/ErrorText';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { login } from './auth.api';
import { HOME_BY_ROLE, useSession } from './session';
import './login.css';

/** Only same-site paths: `?next=//evil.example` must not become an open redirect. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: LoginRequest): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values);
      signedIn(me);
      await navigate(safeNext(params.get('next')) ?? HOME_BY_ROLE[me.role], { replace: true });
    } catch (failure) {
      setError(toApiRequestError(failure));
      setSubmitting(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <div className="login-logo" aria-hidden>
            守
          </div>
          <Typography.Title level={3} className="login-title">
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Form<LoginRequest> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} size="large">
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon className="login-error" data-testid="login-error" title={<ErrorText error={error} />} />
          )}
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
