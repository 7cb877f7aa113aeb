import type { BatchStatus } from '@shouwang/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const BATCH_STATUS_COLORS: Record<BatchStatus, string> = { applied: 'success', refused: 'error', duplicate: 'default' };

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BATCH_STATUS_COLORS[status]} data-status={status}>
      {t(`batchStatus.${status}`)}
    </Tag>
  );
}
