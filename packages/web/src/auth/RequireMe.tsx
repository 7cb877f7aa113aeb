import { Alert, Button, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiRequestError, type ApiRequestError } from '../api/client';
import { ErrorText } from '../api/ErrorText';
import { fetchMe } from './auth.api';
import { useSession } from './session';

/** Renders its children once GET /api/auth/me has answered; a 401 goes to /login (see api/client). */
export function RequireMe({ children }: { children: ReactNode }) {
  const { me, signedIn } = useSession();
  const { t } = useTranslation();
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (me) return;
    const controller = new AbortController();
    fetchMe(controller.signal).then(signedIn, (failure: unknown) => {
      if (!controller.signal.aborted) setError(toApiRequestError(failure));
    });
    return () => controller.abort();
  }, [me, signedIn, attempt]);

  if (me) return children;
  if (error && error.status !== 401) {
    return (
      <div style={{ maxWidth: 560, margin: '20vh auto', padding: 16 }}>
        <Alert
          type="warning"
          showIcon
          title={<ErrorText error={error} />}
          action={
            <Button
              size="small"
              onClick={() => {
                setError(null);
                setAttempt((n) => n + 1);
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
