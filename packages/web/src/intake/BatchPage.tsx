import { ArrowLeftOutlined } from '@ant-design/icons';
import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { shortId } from '../format/id';
import { BatchResult } from './BatchResult';
import { fetchBatch, fetchSourceStatus } from './intake.api';
import { sourcePagePath } from './links';
import { useIntakeNames } from './names';
import { RejectsDrawer } from './RejectsDrawer';
import './intake.css';

function BatchView({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const row = Number(params.get('row')) || null;
  const batch = useResource(`batch:${batchId}`, (signal) => fetchBatch(batchId, signal));
  const status = useResource('intake-status', fetchSourceStatus);
  const [rejectsOf, setRejectsOf] = useState<string | null>(null);
  const sources = status.data?.items ?? [];
  const data = batch.data?.id === batchId ? batch.data : undefined;
  const source = data ? sources.find((s) => s.id === data.sourceId) : undefined;

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate(data ? sourcePagePath(data.sourceId) : '/intake')}
      className="intake-back"
      data-testid="batch-back"
    >
      {data ? t('intake.backToSource', { source: source ? names.source(source) : data.sourceId }) : t('intake.back')}
    </Button>
  );
  if (batch.error?.status === 404) {
    return (
      <Card>
        <Result status="404" title={t('intake.batchNotFound', { batch: shortId(batchId) })} extra={back} />
      </Card>
    );
  }
  const uploadCorrection = (rejected: BatchSummary) => {
    void navigate(sourcePagePath(rejected.sourceId, rejected.id));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="intake" data-testid="batch-page" data-batch-id={batchId}>
      {back}
      {batch.error && <Alert type="error" showIcon title={<ErrorText error={batch.error} />} />}
      {data ? (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {source ? names.source(source) : data.sourceId}
          </Typography.Title>
          {row !== null && (
            <Alert
              type="info"
              showIcon
              data-testid="batch-row-note"
              title={t('intake.batchRowNote', { row, file: data.fileName })}
              description={t('intake.batchRowHint')}
            />
          )}
          <BatchResult batch={data} onShowRejects={setRejectsOf} />
        </>
      ) : (
        !batch.error && <Card><Skeleton active paragraph={{ rows: 4 }} /></Card>
      )}
      <RejectsDrawer batchId={rejectsOf} batch={data} sources={sources} onClose={() => setRejectsOf(null)} onUploadCorrection={uploadCorrection} />
    </Space>
  );
}

/** /intake/batches/:id — one delivery: what came in, what was applied, what was refused; `?row=` marks the row a fact came from. */
export function BatchPage() {
  const { id = '' } = useParams();
  return <BatchView key={id} batchId={id} />;
}
