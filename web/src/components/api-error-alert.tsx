import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/api-error';

/** A readable message for any failure: the problem's detail, or what kind of failure it was. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const key = `errors.codes.${error.code}`;
      if (i18n.exists(key)) return t(key);
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 429) return t('errors.tooMany');
      if (error.status === 502 || error.status === 503 || error.status === 504) return t('errors.serviceDown');
      return error.problem.detail ?? error.problem.title ?? t('errors.generic');
    }
    if (error instanceof NetworkError) return t('errors.network');
    return t('errors.generic');
  };
}

export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      message={message(error)}
      description={error instanceof ApiError && error.problem.requestId ? `${t('errors.requestId')}: ${error.problem.requestId}` : undefined}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
