import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './index';

const antdLocales = { 'zh-CN': zhCNLocale, en: enUS } satisfies Record<Language, unknown>;

/** Keeps Ant Design's locale in step with the i18next language (dayjs follows in `./index`). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={{ token: { colorPrimary: '#1f5fbf' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
