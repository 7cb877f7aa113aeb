import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { translateKey } from '../i18n/dynamic';
import { ageOf } from './freshness';

export interface IntakeNames {
  /** The source as the reader's language names it: the catalogue's own (Chinese) name, or a translation. */
  source: (source: { id: string; name: string }) => string;
  department: (department: string) => string;
  /** `3 天前` / `3 days ago`. */
  ago: (at: string, asOf: string | Date) => string;
  /** `每 7 天` / `every 7 days` / `daily`. */
  cadence: (days: number) => string;
  /** Which of a rejected row's two reasons to show. */
  zh: boolean;
}

function agoText(t: TFunction, at: string, asOf: string | Date): string {
  const age = ageOf(at, asOf);
  switch (age.unit) {
    case 'now':
      return t('intake.justNow');
    case 'minutes':
      return t('intake.minutesAgo', { count: age.count });
    case 'hours':
      return t('intake.hoursAgo', { count: age.count });
    case 'days':
      return t('intake.daysAgo', { count: age.count });
  }
}

/** Names of sources and departments: Chinese data shown as sent in Chinese, translated otherwise. */
export function useIntakeNames(): IntakeNames {
  const { t, i18n } = useTranslation();
  const zh = currentLanguage(i18n.language) === 'zh-CN';
  return {
    zh,
    source: (source) => (zh ? source.name : translateKey(t, 'source', source.id, source.name)),
    department: (department) => (zh ? department : translateKey(t, 'department', department)),
    ago: (at, asOf) => agoText(t, at, asOf),
    cadence: (days) => t('intake.cadenceValue', { count: days }),
  };
}
