import { InboxOutlined } from '@ant-design/icons';
import type { BatchSummary } from '@shouwang/contract';
import { Alert, Card, Form, Select, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiRequestError, type ApiRequestError } from '../api/client';
import { ErrorText } from '../api/ErrorText';
import { uploadBatch, type Source } from './intake.api';

interface UploadCardProps {
  sources: readonly Source[];
  /** A new upload begins: the previous result no longer applies. */
  onStart: () => void;
  onUploaded: (batch: BatchSummary) => void;
  /** A refused file is recorded as a batch too: the list should show it. */
  onRefused: () => void;
}

function ErrorAlert({ error }: { error: ApiRequestError }) {
  const { t } = useTranslation();
  if (error.id === 'file_refused') {
    return (
      <Alert
        type="error"
        showIcon
        className="intake-error"
        data-testid="intake-error"
        title={t('intake.refused')}
        description={`${t('intake.refusedHint')} ${error.message}`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      className="intake-error"
      data-testid="intake-error"
      title={<ErrorText error={error} />}
      description={error.details?.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('；')}
    />
  );
}

/** Choose a department source, drop its CSV file. */
export function UploadCard({ sources, onStart, onUploaded, onRefused }: UploadCardProps) {
  const { t } = useTranslation();
  const [sourceId, setSourceId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const source = sources.find((s) => s.id === sourceId);

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    if (!sourceId || !(file instanceof File)) return;
    setError(null);
    onStart();
    uploadBatch(sourceId, file, (percent) => onProgress?.({ percent })).then(
      (batch) => {
        onSuccess?.(batch);
        onUploaded(batch);
      },
      (failure: unknown) => {
        const apiError = toApiRequestError(failure);
        setError(apiError);
        onError?.(apiError);
        if (apiError.id === 'file_refused') onRefused();
      },
    );
  };

  return (
    <Card title={t('intake.title')}>
      <Form layout="vertical">
        <Form.Item label={t('intake.source')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('intake.selectSource')}
            value={sourceId}
            onChange={setSourceId}
            data-testid="intake-source"
            options={sources.map((s) => ({ value: s.id, label: `${s.department} · ${s.name}` }))}
          />
          {source && (
            <Typography.Text type="secondary" className="intake-columns">
              {t('intake.columns', { columns: source.columns.join(', ') })}
            </Typography.Text>
          )}
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".csv,text/csv"
        maxCount={1}
        disabled={!sourceId}
        customRequest={customRequest}
        data-testid="intake-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{sourceId ? t('intake.dropHint') : t('intake.chooseSourceFirst')}</p>
        <p className="ant-upload-hint">{t('intake.dropSubHint')}</p>
      </Upload.Dragger>
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
