import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: fullScreen ? '100vh' : 200 }} role="status" aria-live="polite">
      <Spin tip={t('common.loading')}>
        <div style={{ width: 80, height: 40 }} />
      </Spin>
    </div>
  );
}
