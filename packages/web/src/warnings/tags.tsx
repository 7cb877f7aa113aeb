import type { Situation, WarningStatus } from '@shouwang/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** One colour per situation, shared with the large screen's charts. */
export const SITUATION_COLORS: Record<Situation, string> = {
  illness: '#e8684a',
  disability: '#7b61ff',
  disaster_accident: '#f6bd16',
  income_loss: '#2fa0d8',
};

export const SITUATIONS: readonly Situation[] = ['illness', 'disability', 'disaster_accident', 'income_loss'];
export const WARNING_STATUSES: readonly WarningStatus[] = ['open', 'acknowledged', 'closed'];

const STATUS_COLORS: Record<WarningStatus, string> = {
  open: 'red',
  acknowledged: 'processing',
  closed: 'default',
};

export function SituationTag({ situation }: { situation: Situation }) {
  const { t } = useTranslation();
  return (
    <Tag color={SITUATION_COLORS[situation]} data-situation={situation}>
      {t(`situation.${situation}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: WarningStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
