import type { BatchStatus, BatchSummary } from '@shouwang/contract';
import { Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Freshness } from './freshness';

const BATCH_STATUS_COLORS: Record<BatchStatus, string> = {
  pending: 'processing',
  applied: 'success',
  refused: 'error',
  duplicate: 'default',
};

export function BatchStatusTag({ status, ...rest }: { status: BatchStatus } & HTMLAttributes<HTMLElement>) {
  const { t } = useTranslation();
  return (
    <Tag color={BATCH_STATUS_COLORS[status]} data-status={status} {...rest}>
      {t(`batchStatus.${status}`)}
    </Tag>
  );
}

const CHANNEL_COLORS: Record<BatchSummary['channel'], string | undefined> = {
  upload: 'blue',
  api: 'geekblue',
  cli: 'purple',
  feed: undefined,
};

export function ChannelTag({ channel }: { channel: BatchSummary['channel'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHANNEL_COLORS[channel]} variant="outlined" data-channel={channel}>
      {t(`batchChannel.${channel}`)}
    </Tag>
  );
}

export function FormatTag({ format }: { format: BatchSummary['format'] }) {
  const { t } = useTranslation();
  return (
    <Tag variant="filled" data-format={format}>
      {t(`batchFormat.${format}`)}
    </Tag>
  );
}

const FRESHNESS: Record<Freshness, { color: string; label: 'intake.overdue' | 'intake.neverDelivered' | 'intake.onTime' }> = {
  overdue: { color: 'red', label: 'intake.overdue' },
  never: { color: 'volcano', label: 'intake.neverDelivered' },
  on_time: { color: 'green', label: 'intake.onTime' },
};

export function FreshnessTag({ freshness }: { freshness: Freshness }) {
  const { t } = useTranslation();
  const { color, label } = FRESHNESS[freshness];
  return (
    <Tag color={color} data-freshness={freshness} data-testid="intake-freshness">
      {t(label)}
    </Tag>
  );
}
