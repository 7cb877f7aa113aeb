import type { BatchSummary } from '@shouwang/contract';
import { Alert, Drawer, Grid, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { shortId } from '../format/id';
import { translateKey } from '../i18n/dynamic';
import { fetchRejects, type RejectedRows } from './intake.api';

type Row = RejectedRows['items'][number];

function RejectsTable({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const rejects = useResource(`rejects:${batchId}`, (signal) => fetchRejects(batchId, signal));
  if (rejects.error) return <Alert type="error" showIcon title={<ErrorText error={rejects.error} />} />;
  return (
    <Table<Row>
      size="small"
      rowKey={(row) => `${row.rowNumber}:${row.column}`}
      loading={rejects.loading}
      dataSource={rejects.data?.batchId === batchId ? rejects.data.items : []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      onRow={() => ({ 'data-testid': 'reject-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'rowNumber', title: t('intake.rowNumber'), dataIndex: 'rowNumber', width: 70, align: 'right' },
        { key: 'column', title: t('intake.column'), dataIndex: 'column', width: 130 },
        { key: 'value', title: t('intake.value'), dataIndex: 'value', width: 180, render: (v: string) => <code>{v}</code> },
        {
          key: 'rule',
          title: t('intake.rule'),
          dataIndex: 'rule',
          width: 170,
          render: (rule: string) => translateKey(t, 'rejectRule', rule),
        },
        { key: 'reason', title: t('intake.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/** The rows of one batch that were quarantined, with why. */
export function RejectsDrawer({ batch, onClose }: { batch: BatchSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Drawer
      open={batch !== null}
      onClose={onClose}
      size={narrow ? '100%' : 900}
      title={batch ? t('intake.rejectsTitle', { batch: shortId(batch.id) }) : null}
      destroyOnHidden
      data-testid="rejects-drawer"
    >
      {batch && <RejectsTable batchId={batch.id} />}
    </Drawer>
  );
}
