import type { BatchSummary } from '@shouwang/contract';
import { Button, Card, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format/datetime';
import { shortId } from '../format/id';
import type { Source } from './intake.api';
import { BatchStatusTag } from './tags';

interface BatchTableProps {
  batches: readonly BatchSummary[];
  sources: readonly Source[];
  loading: boolean;
  onShowRejects: (batch: BatchSummary) => void;
}

export function BatchTable({ batches, sources, loading, onShowRejects }: BatchTableProps) {
  const { t } = useTranslation();
  const sourceName = (id: string) => sources.find((s) => s.id === id)?.name ?? id;
  const columns: ColumnsType<BatchSummary> = [
    {
      key: 'receivedAt',
      title: t('intake.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      render: (at: string) => <span className="tabular">{formatTimestamp(at)}</span>,
    },
    {
      key: 'id',
      title: t('intake.batch'),
      dataIndex: 'id',
      width: 100,
      render: (id: string) => (
        <Tooltip title={id}>
          <code>{shortId(id)}</code>
        </Tooltip>
      ),
    },
    { key: 'source', title: t('intake.source'), render: (_, batch) => sourceName(batch.sourceId) },
    { key: 'fileName', title: t('intake.fileName'), dataIndex: 'fileName', ellipsis: true },
    { key: 'encoding', title: t('intake.encoding'), dataIndex: 'encoding', width: 100 },
    {
      key: 'status',
      title: t('intake.status'),
      width: 110,
      render: (_, batch) => {
        const hint =
          batch.status === 'duplicate'
            ? t('intake.duplicate', { batch: batch.duplicateOf ? shortId(batch.duplicateOf) : '—' })
            : batch.status === 'refused'
              ? batch.refusal
              : null;
        const tag = <BatchStatusTag status={batch.status} />;
        return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
      },
    },
    { key: 'rows', title: t('intake.rows'), dataIndex: 'rows', align: 'right', width: 80 },
    { key: 'accepted', title: t('intake.accepted'), dataIndex: 'accepted', align: 'right', width: 80 },
    {
      key: 'rejected',
      title: t('intake.rejected'),
      align: 'right',
      width: 90,
      render: (_, batch) =>
        batch.rejected > 0 ? (
          <Button type="link" size="small" onClick={() => onShowRejects(batch)} data-testid="batch-rejects">
            {batch.rejected}
          </Button>
        ) : (
          0
        ),
    },
    { key: 'unchanged', title: t('intake.unchanged'), dataIndex: 'unchanged', align: 'right', width: 90 },
    { key: 'signals', title: t('intake.signals'), dataIndex: 'signals', align: 'right', width: 90 },
  ];
  return (
    <Card title={t('intake.batches')}>
      <Table<BatchSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={batches}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={() => ({ 'data-testid': 'batch-row' }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
