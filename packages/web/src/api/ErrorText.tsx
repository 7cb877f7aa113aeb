import { useTranslation } from 'react-i18next';
import { translateKey } from '../i18n/dynamic';
import type { ApiRequestError } from './client';

/** An API error in the reader's language when its id is known, else the server's own message. */
export function errorMessage(t: Parameters<typeof translateKey>[0], error: Pick<ApiRequestError, 'id' | 'message'>): string {
  return translateKey(t, 'error', error.id, error.message || t('common.failed'));
}

export function ErrorText({ error }: { error: Pick<ApiRequestError, 'id' | 'message'> }) {
  const { t } = useTranslation();
  return <>{errorMessage(t, error)}</>;
}
