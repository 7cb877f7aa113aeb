import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Drawer, Grid, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRequestError } from '../api/client';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { shortId } from '../format/id';
import { translateKey } from '../i18n/dynamic';
import { fetchBatch, fetchRejects, rejectsWorkbookUrl, type RejectedRows } from './intake.api';
import { useIntakeNames } from './names';

type Row = RejectedRows['items'][number];

function RejectsTable({ batchId, total }: { batchId: string; total: number | undefined }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const rejects = useResource(`rejects:${batchId}`, (signal) => fetchRejects(batchId, signal));
  if (rejects.error) return <Alert type="error" showIcon title={<ErrorText error={rejects.error} />} />;
  const items = rejects.data?.batchId === batchId ? rejects.data.items : [];
  // The JSON list is capped; the workbook has every row.
  const truncated = total !== undefined && !rejects.loading && items.length < total;
  return (
    <>
      {truncated && (
        <Alert
          type="info"
          showIcon
          className="intake-rejects-truncated"
          title={t('intake.rejectsTruncated', { shown: items.length, total })}
        />
      )}
      <Table<Row>
        size="small"
        rowKey={(row) => `${row.rowNumber}:${row.column}:${row.rule}`}
        loading={rejects.loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('intake.noRejects') }}
        onRow={() => ({ 'data-testid': 'reject-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'rowNumber', title: t('intake.rowNumber'), dataIndex: 'rowNumber', width: 70, align: 'right' },
          { key: 'column', title: t('intake.column'), dataIndex: 'column', width: 130 },
          {
            key: 'value',
            title: t('intake.value'),
            dataIndex: 'value',
            width: 180,
            render: (v: string) => <code className="intake-reject-value">{v}</code>,
          },
          {
            key: 'rule',
            title: t('intake.rule'),
            dataIndex: 'rule',
            width: 170,
            render: (rule: string) => translateKey(t, 'rejectRule', rule),
          },
          {
            key: 'reason',
            title: t('intake.reason'),
            render: (_, row) => (names.zh ? row.reasonZh || row.reason : row.reason || row.reasonZh),
          },
        ]}
      />
    </>
  );
}

interface RejectsDrawerProps {
  /** The batch whose rejected rows to show; `null` closes the drawer. */
  batchId: string | null;
  /** The batch itself when the opener has it; fetched otherwise (e.g. from a "corrects" link). */
  batch?: BatchSummary | null | undefined;
  sources?: readonly { id: string; name: string }[];
  onClose: () => void;
  /** "Upload corrected file": the upload of the same source, correcting this batch. */
  onUploadCorrection: (batch: BatchSummary) => void;
}

type BodyProps = Pick<RejectsDrawerProps, 'sources' | 'onUploadCorrection'> & { batchId: string };

function DrawerBody({ batchId, batch, error, sources, onUploadCorrection }: BodyProps & { batch: BatchSummary | undefined; error?: ApiRequestError | undefined }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const source = batch ? sources?.find((s) => s.id === batch.sourceId) : undefined;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={<ErrorText error={error} />} />}
      {batch && (
        <Typography.Text type="secondary">
          {t('intake.rejectsSummary', {
            source: source ? names.source(source) : batch.sourceId,
            file: batch.fileName,
            count: batch.rejected,
          })}
        </Typography.Text>
      )}
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={rejectsWorkbookUrl(batchId)}
          download={`rejects-${batch?.sourceId ?? 'batch'}-${shortId(batchId)}.xlsx`}
          data-testid="intake-rejects-download"
        >
          {t('intake.rejectsDownload')}
        </Button>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!batch}
          onClick={() => batch && onUploadCorrection(batch)}
          data-testid="intake-rejects-correct"
        >
          {t('intake.uploadCorrection')}
        </Button>
      </Space>
      <RejectsTable batchId={batchId} total={batch?.rejected} />
    </Space>
  );
}

/** Opened from a link that knows only the batch id. */
function FetchingDrawerBody(props: BodyProps) {
  const fetched = useResource(`batch:${props.batchId}`, (signal) => fetchBatch(props.batchId, signal));
  return <DrawerBody {...props} batch={fetched.data?.id === props.batchId ? fetched.data : undefined} error={fetched.error} />;
}

/** The rows of one batch that were quarantined, with why; download them, fix them, upload the fix. */
export function RejectsDrawer({ batchId, batch, sources, onClose, onUploadCorrection }: RejectsDrawerProps) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const known = batch && batch.id === batchId ? batch : undefined;
  return (
    <Drawer
      open={batchId !== null}
      onClose={onClose}
      size={narrow ? '100%' : 960}
      title={batchId ? t('intake.rejectsTitle', { batch: shortId(batchId) }) : null}
      destroyOnHidden
      data-testid="rejects-drawer"
    >
      {batchId &&
        (known ? (
          <DrawerBody key={batchId} batchId={batchId} batch={known} sources={sources} onUploadCorrection={onUploadCorrection} />
        ) : (
          <FetchingDrawerBody key={batchId} batchId={batchId} sources={sources} onUploadCorrection={onUploadCorrection} />
        ))}
    </Drawer>
  );
}
