import type { ProgrammeKind } from '@shouwang/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const PROGRAMME_KINDS: readonly ProgrammeKind[] = ['dibao', 'marginal', 'special_hardship', 'temporary_assistance'];

const COLORS: Record<ProgrammeKind, string> = {
  dibao: 'blue',
  marginal: 'cyan',
  special_hardship: 'purple',
  temporary_assistance: 'gold',
};

/** 低保 / 低保边缘 / 特困 / 临时救助. */
export function ProgrammeKindTag({ programme }: { programme: ProgrammeKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[programme]} data-programme={programme}>
      {t(`programme.${programme}`)}
    </Tag>
  );
}
