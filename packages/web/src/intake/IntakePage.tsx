import type { BatchSummary } from '@shouwang/contract';
import { Alert, Space } from 'antd';
import { useState } from 'react';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { BatchResult } from './BatchResult';
import { BatchTable } from './BatchTable';
import { fetchBatches, fetchSources } from './intake.api';
import { RejectsDrawer } from './RejectsDrawer';
import { UploadCard } from './UploadCard';
import './intake.css';

/** 数据接入: a data steward uploads a department file and sees what it did. */
export function IntakePage() {
  const sources = useResource('sources', fetchSources);
  const batches = useResource('batches', fetchBatches);
  const [result, setResult] = useState<BatchSummary | null>(null);
  const [rejectsOf, setRejectsOf] = useState<BatchSummary | null>(null);
  const error = sources.error ?? batches.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="intake">
      {error && <Alert type="error" showIcon title={<ErrorText error={error} />} />}
      <UploadCard
        sources={sources.data?.items ?? []}
        onStart={() => setResult(null)}
        onUploaded={(batch) => {
          setResult(batch);
          batches.reload();
        }}
        onRefused={batches.reload}
      />
      {result && <BatchResult batch={result} onShowRejects={setRejectsOf} />}
      <BatchTable
        batches={batches.data?.items ?? []}
        sources={sources.data?.items ?? []}
        loading={batches.loading}
        onShowRejects={setRejectsOf}
      />
      <RejectsDrawer batch={rejectsOf} onClose={() => setRejectsOf(null)} />
    </Space>
  );
}
