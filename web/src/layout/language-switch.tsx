import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/i18n';

/** VI / EN; each option names its language in that language, for a reader who does not read the other. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('shell.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => setLanguage(value)}
      options={[
        { value: 'vi', label: <span lang="vi" title="Tiếng Việt">VI</span> },
        { value: 'en', label: <span lang="en" title="English">EN</span> },
      ]}
      style={dark ? { background: 'rgba(255,255,255,0.85)' } : undefined}
    />
  );
}
