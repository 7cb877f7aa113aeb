import type { BatchSummary } from '@shouwang/contract';
import { Button, Card, Progress, Space, Switch, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format/datetime';
import { shortId } from '../format/id';
import { applyProgress } from './freshness';
import { useIntakeNames } from './names';
import { BatchStatusTag, ChannelTag, FormatTag } from './tags';
import { refusalOf } from './refusal';

interface BatchTableProps {
  batches: readonly BatchSummary[];
  /** For the source column; leave out on a single source's page. */
  sources?: readonly { id: string; name: string }[];
  loading: boolean;
  title?: ReactNode;
  /** The simulator's tiny batches every few seconds drown the real ones. */
  hideFeed: boolean;
  onHideFeedChange: (hide: boolean) => void;
  /** Opens the rejected rows of a batch: one of these, or one a batch corrects. */
  onShowRejects: (batchId: string) => void;
}

function StatusCell({ batch }: { batch: BatchSummary }) {
  const { t, i18n } = useTranslation();
  const tag = <BatchStatusTag status={batch.status} />;
  if (batch.status === 'pending') {
    const progress = applyProgress(batch);
    return (
      <div className="intake-status-pending">
        {tag}
        <Tooltip title={progress ? t('intake.applyProgress', progress) : t('intake.reading')}>
          <Progress size="small" percent={progress?.percent ?? 0} status="active" showInfo={false} />
        </Tooltip>
      </div>
    );
  }
  const hint =
    batch.status === 'duplicate'
      ? t('intake.duplicate', { batch: batch.duplicateOf ? shortId(batch.duplicateOf) : '—' })
      : batch.status === 'refused'
        ? refusalOf(batch, i18n.language)
        : null;
  return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
}

export function BatchTable({ batches, sources, loading, title, hideFeed, onHideFeedChange, onShowRejects }: BatchTableProps) {
  const { t, i18n } = useTranslation();
  const names = useIntakeNames();
  const shown = hideFeed ? batches.filter((batch) => batch.channel !== 'feed') : batches;
  const hidden = batches.length - shown.length;
  const sourceName = (id: string) => {
    const source = sources?.find((s) => s.id === id);
    return source ? names.source(source) : id;
  };
  const count = (key: 'rows' | 'accepted' | 'unchanged' | 'signals', width: number) => ({
    key,
    title: t(`intake.${key}`),
    dataIndex: key,
    align: 'right' as const,
    width,
    render: (value: number) => <span className="tabular">{value}</span>,
  });

  const columns: ColumnsType<BatchSummary> = [
    {
      key: 'receivedAt',
      title: t('intake.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      fixed: 'start',
      render: (at: string) => <span className="tabular">{formatTimestamp(at)}</span>,
    },
    {
      key: 'id',
      title: t('intake.batch'),
      dataIndex: 'id',
      width: 96,
      render: (id: string) => (
        <Tooltip title={id}>
          <code>{shortId(id)}</code>
        </Tooltip>
      ),
    },
    ...(sources
      ? [{ key: 'source', title: t('intake.source'), width: 170, ellipsis: true, render: (_: unknown, batch: BatchSummary) => sourceName(batch.sourceId) }]
      : []),
    {
      key: 'fileName',
      title: t('intake.fileName'),
      width: 240,
      render: (_, batch) => (
        <div className="intake-file-cell">
          <Typography.Text ellipsis={{ tooltip: batch.fileName }}>{batch.fileName}</Typography.Text>
          {batch.correctsBatchId && (
            <Button
              type="link"
              size="small"
              className="intake-link"
              data-testid="batch-corrects"
              onClick={() => onShowRejects(batch.correctsBatchId ?? '')}
            >
              {t('intake.correctsBatch', { batch: shortId(batch.correctsBatchId) })}
            </Button>
          )}
          {batch.status === 'refused' && batch.refusal && (
            <Typography.Text type="danger" className="intake-refusal" ellipsis={{ tooltip: refusalOf(batch, i18n.language) }}>
              {refusalOf(batch, i18n.language)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'status', title: t('intake.status'), width: 120, render: (_, batch) => <StatusCell batch={batch} /> },
    count('rows', 76),
    count('accepted', 76),
    {
      key: 'rejected',
      title: t('intake.rejected'),
      align: 'right',
      width: 80,
      render: (_, batch) =>
        batch.rejected > 0 ? (
          <Button type="link" size="small" className="intake-link" onClick={() => onShowRejects(batch.id)} data-testid="batch-rejects">
            {batch.rejected}
          </Button>
        ) : (
          <span className="tabular">0</span>
        ),
    },
    count('unchanged', 76),
    count('signals', 76),
    { key: 'format', title: t('intake.format'), dataIndex: 'format', width: 84, render: (format: BatchSummary['format']) => <FormatTag format={format} /> },
    { key: 'channel', title: t('intake.channel'), dataIndex: 'channel', width: 120, render: (channel: BatchSummary['channel']) => <ChannelTag channel={channel} /> },
    { key: 'encoding', title: t('intake.encoding'), dataIndex: 'encoding', width: 100, render: (encoding: string) => <code>{encoding}</code> },
    {
      key: 'completedAt',
      title: t('intake.completedAt'),
      dataIndex: 'completedAt',
      width: 140,
      render: (at: string | null) => <span className="tabular">{formatTimestamp(at)}</span>,
    },
  ];

  return (
    <Card
      title={title ?? t('intake.batches')}
      className="intake-batches"
      extra={
        <Space size={8} wrap>
          {hidden > 0 && (
            <Typography.Text type="secondary" className="intake-hidden-feed" data-testid="intake-hidden-feed">
              {t('intake.hiddenFeed', { count: hidden })}
            </Typography.Text>
          )}
          <label className="intake-switch">
            <Switch size="small" checked={hideFeed} onChange={onHideFeedChange} data-testid="intake-hide-feed" />
            <span>{t('intake.hideFeed')}</span>
          </label>
        </Space>
      }
    >
      <Table<BatchSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={shown}
        scroll={{ x: sources ? 1560 : 1390 }}
        locale={{ emptyText: t('intake.noBatches') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
        onRow={(batch) => ({ 'data-testid': 'batch-row', 'data-batch-id': batch.id, 'data-status': batch.status }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
