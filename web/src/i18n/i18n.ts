import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';
const STORAGE_KEY = 'hoanhap.language';

function savedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Vietnamese first; English when the user switched to it (remembered in this browser). */
export function initI18n(): typeof i18n {
  const language = savedLanguage();
  dayjs.locale(language);
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18n;
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  dayjs.locale(language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}
