import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { programmeKey, type Programme } from '../search/query';

const PROGRAMME_COLORS: Record<Programme | 'none', string | undefined> = {
  dibao: 'blue',
  marginal: 'cyan',
  special_hardship: 'purple',
  none: undefined,
};

/** 低保 / 低保边缘 / 特困 / 无; an unknown value is shown as sent. */
export function ProgrammeTag({ programme }: { programme: string | null }) {
  const { t } = useTranslation();
  const key = programmeKey(programme);
  if (key === null) return <Tag data-programme={programme}>{programme}</Tag>;
  return (
    <Tag color={PROGRAMME_COLORS[key]} data-programme={key} variant={key === 'none' ? 'outlined' : 'filled'}>
      {t(`programme.${key}`)}
    </Tag>
  );
}
