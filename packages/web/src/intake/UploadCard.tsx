import { InboxOutlined } from '@ant-design/icons';
import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Card, Col, Form, Input, Progress, Row, Select, Space, Typography, Upload, type UploadProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRequestError } from '../api/client';
import { errorMessage } from '../api/ErrorText';
import { shortId } from '../format/id';
import { BatchResult } from './BatchResult';
import { applyProgress } from './freshness';
import type { Source } from './intake.api';
import { useIntakeNames } from './names';
import { formatBytes } from './template';
import { useBatchUpload, type UploadState } from './useBatchUpload';
import { refusalOf } from './refusal';

const ACCEPT = '.csv,.xlsx,.json,.ndjson';
const FIELDS = ['source', 'file', 'sheet', 'corrects'] as const;

function fieldLabel(t: TFunction, field: string | undefined): string | undefined {
  const known = FIELDS.find((f) => f === field);
  return known ? t(`intake.field.${known}`) : field;
}

function ErrorAlert({ error, batch }: { error: ApiRequestError; batch: BatchSummary | null }) {
  const { t, i18n } = useTranslation();
  if (error.id === 'file_refused') {
    return (
      <Alert
        type="error"
        showIcon
        className="intake-error"
        data-testid="intake-error"
        data-error-id={error.id}
        title={t('intake.refused')}
        description={`${t('intake.refusedHint')} ${refusalOf(batch ?? undefined, i18n.language) ?? error.message}`}
      />
    );
  }
  const title = errorMessage(t, error);
  const details = error.details?.map((d) => (d.field ? `${fieldLabel(t, d.field)}: ${d.message}` : d.message)) ?? [];
  // A translated title is general; the server's own words say what exactly was wrong.
  const description = [title !== error.message ? error.message : null, ...details].filter(Boolean).join('；');
  return (
    <Alert
      type="error"
      showIcon
      className="intake-error"
      data-testid="intake-error"
      data-error-id={error.id}
      title={title}
      description={description || undefined}
    />
  );
}

function UploadProgress({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  const { t } = useTranslation();
  if (state.phase !== 'uploading' && state.phase !== 'applying') return null;
  const uploading = state.phase === 'uploading';
  const fileName = uploading ? state.fileName : state.batch.fileName;
  const percent = uploading ? state.percent : 100;
  const size = state.size;
  return (
    <div className="intake-progress" data-testid="intake-upload-progress" data-percent={percent}>
      <div className="intake-progress-label">
        <Typography.Text strong ellipsis>
          {uploading ? t('intake.uploading', { name: fileName }) : t('intake.uploaded', { name: fileName })}
        </Typography.Text>
        {uploading && (
          <Button size="small" onClick={onCancel} data-testid="intake-upload-cancel">
            {t('intake.cancelUpload')}
          </Button>
        )}
      </div>
      <Progress percent={percent} status={uploading ? 'active' : 'success'} />
      <Typography.Text type="secondary" className="intake-progress-text">
        {uploading && percent >= 100
          ? t('intake.uploadWaiting')
          : t('intake.uploadBytes', { sent: formatBytes((size * percent) / 100), total: formatBytes(size) })}
      </Typography.Text>
    </div>
  );
}

function ApplyProgress({ batch, trouble }: { batch: BatchSummary; trouble: boolean }) {
  const { t } = useTranslation();
  const progress = applyProgress(batch);
  return (
    <div
      className="intake-progress"
      data-testid="intake-apply-progress"
      data-state={progress ? 'applying' : 'reading'}
      data-done={progress?.done}
      data-total={progress?.total}
    >
      <Typography.Text strong ellipsis className="intake-progress-label">
        {t('intake.applyingTitle', { name: batch.fileName, batch: shortId(batch.id) })}
      </Typography.Text>
      {progress ? (
        <Progress percent={progress.percent} status="active" />
      ) : (
        <div className="intake-indeterminate" role="progressbar" aria-busy="true" aria-label={t('intake.reading')} />
      )}
      <Typography.Text type={trouble ? 'warning' : 'secondary'} className="intake-progress-text">
        {trouble ? t('intake.pollTrouble') : progress ? t('intake.applyProgress', progress) : t('intake.reading')}
      </Typography.Text>
    </div>
  );
}

interface UploadCardProps {
  sources: readonly Source[];
  sourceId: string | undefined;
  onSourceChange: (sourceId: string) => void;
  /** The batch this upload corrects (from a batch's rejects), if any. */
  corrects: string | undefined;
  onCorrectsChange: (batchId: string | undefined) => void;
  /** This source's batches with rejected rows: what an upload can correct. */
  correctable: readonly BatchSummary[];
  /** A batch is final (or was refused): lists and freshness should show it. */
  onSettled: (batch: BatchSummary | null) => void;
  onShowRejects: (batchId: string) => void;
}

/** Drop a department file for a source; follow it until it is applied. */
export function UploadCard({ sources, sourceId, onSourceChange, corrects, onCorrectsChange, correctable, onSettled, onShowRejects }: UploadCardProps) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const [sheet, setSheet] = useState('');
  const upload = useBatchUpload();
  const { state } = upload;

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess }) => {
    if (!sourceId || !(file instanceof File)) return;
    upload.start(file, { source: sourceId, sheet: sheet.trim() || undefined, corrects }, onSettled);
    onSuccess?.(null);
  };

  const correctsOptions = correctable.map((batch) => ({
    value: batch.id,
    label: t('intake.correctsOption', { batch: shortId(batch.id), file: batch.fileName, count: batch.rejected }),
  }));
  if (corrects && !correctable.some((batch) => batch.id === corrects)) {
    correctsOptions.unshift({ value: corrects, label: shortId(corrects) });
  }

  return (
    <Card title={t('intake.uploadTitle')} className="intake-upload" data-testid="intake-upload-card">
      <Form layout="vertical" className="intake-upload-form">
        <Form.Item label={t('intake.source')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('intake.selectSource')}
            value={sourceId}
            onChange={onSourceChange}
            data-testid="intake-source"
            options={sources.map((s) => ({ value: s.id, label: `${names.department(s.department)} · ${names.source(s)}` }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Form.Item label={t('intake.sheet')}>
              <Input
                value={sheet}
                onChange={(event) => setSheet(event.target.value)}
                placeholder={t('intake.sheetPlaceholder')}
                allowClear
                data-testid="intake-sheet"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={14}>
            <Form.Item label={t('intake.corrects')}>
              <Select
                allowClear
                value={corrects}
                onChange={(value: string | undefined) => onCorrectsChange(value)}
                placeholder={t('intake.correctsPlaceholder')}
                options={correctsOptions}
                data-testid="intake-corrects"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {corrects && (
        <Alert type="info" showIcon className="intake-corrects-hint" title={t('intake.correctsHint', { batch: shortId(corrects) })} />
      )}
      <Upload.Dragger
        accept={ACCEPT}
        maxCount={1}
        showUploadList={false}
        disabled={!sourceId || state.phase === 'uploading'}
        customRequest={customRequest}
        data-testid="intake-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{sourceId ? t('intake.dropHint') : t('intake.chooseSourceFirst')}</p>
        <p className="ant-upload-hint">{t('intake.dropSubHint')}</p>
      </Upload.Dragger>
      <Space orientation="vertical" size={12} style={{ width: '100%' }} className="intake-upload-status">
        <UploadProgress state={state} onCancel={upload.cancel} />
        {state.phase === 'applying' && <ApplyProgress batch={state.batch} trouble={state.trouble} />}
        {state.phase === 'failed' && <ErrorAlert error={state.error} batch={state.batch} />}
        {state.phase === 'failed' && state.batch && state.batch.status !== 'pending' && (
          <BatchResult batch={state.batch} onShowRejects={onShowRejects} showOutcome={false} />
        )}
        {state.phase === 'failed' && state.batch?.status === 'pending' && (
          <Alert type="warning" showIcon title={t('intake.pollFailed', { batch: shortId(state.batch.id) })} />
        )}
        {state.phase === 'done' && <BatchResult batch={state.batch} onShowRejects={onShowRejects} />}
      </Space>
    </Card>
  );
}
