import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'shouwang.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  // Keys built from data (`signal.<kind>`, `rejectRule.<rule>`) must never be read as `ns:key`.
  nsSeparator: false,
  initAsync: false,
});

const dayjsLocales = { 'zh-CN': 'zh-cn', en: 'en' } satisfies Record<Language, string>;

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocales[currentLanguage(language)]);
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** Switches the language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
