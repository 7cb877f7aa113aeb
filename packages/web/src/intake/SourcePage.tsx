import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { BatchTable } from './BatchTable';
import { freshnessOf } from './freshness';
import { fetchBatches, fetchSourceStatus, type SourceStatus } from './intake.api';
import { sourcePagePath } from './links';
import { useIntakeNames } from './names';
import { RejectsDrawer } from './RejectsDrawer';
import { freshnessHint } from './SourceTable';
import { BatchStatusTag, FreshnessTag } from './tags';
import { downloadText, templateCsv } from './template';
import { UploadCard } from './UploadCard';
import { batchLimit, PENDING_REFRESH_MS, REFRESH_MS, usePolling } from './usePolling';
import './intake.css';
import { updateSearchParams } from './search-params';

function SourceDetails({ source, asOf }: { source: SourceStatus; asOf: string }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'department', label: t('intake.department'), children: names.department(source.department) },
        { key: 'id', label: t('intake.sourceId'), children: <code>{source.id}</code> },
        { key: 'cadence', label: t('intake.cadence'), children: names.cadence(source.cadenceDays) },
        {
          key: 'lastDelivery',
          label: t('intake.lastDelivery'),
          children: source.lastDeliveryAt
            ? t('intake.lastDeliveryValue', { time: formatTimestamp(source.lastDeliveryAt), ago: names.ago(source.lastDeliveryAt, asOf) })
            : '—',
        },
        {
          key: 'freshness',
          label: t('intake.freshness'),
          children: (
            <Space size={4} wrap>
              <FreshnessTag freshness={freshnessOf(source)} />
              <Typography.Text type={source.overdue ? 'danger' : 'secondary'}>{freshnessHint(names, t, source, asOf)}</Typography.Text>
            </Space>
          ),
        },
        {
          key: 'lastBatch',
          label: t('intake.lastBatch'),
          children: source.lastBatch ? (
            <Space size={4} wrap>
              <BatchStatusTag status={source.lastBatch.status} />
              <Typography.Text type="secondary">{t('intake.lastBatchCounts', source.lastBatch)}</Typography.Text>
            </Space>
          ) : (
            '—'
          ),
        },
        {
          key: 'last30d',
          label: t('intake.last30d'),
          span: 'filled',
          children: (
            <Typography.Text className="tabular">
              {t('intake.totals30d', {
                batches: source.batches30d,
                accepted: source.accepted30d,
                rejected: source.rejected30d,
                unchanged: source.unchanged30d,
              })}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function TemplateCard({ source }: { source: SourceStatus }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  return (
    <Card
      title={t('intake.columnsTitle')}
      className="intake-template"
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadText(t('intake.templateFileName', { name: names.source(source) }), templateCsv(source.columns))}
          data-testid="intake-template-download"
        >
          {t('intake.downloadTemplate')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('intake.columnsHint', { count: source.columns.length })}</Typography.Paragraph>
      <div className="intake-columns-list" data-testid="intake-columns">
        {source.columns.map((column) => (
          <Tag key={column} variant="outlined">
            {column}
          </Tag>
        ))}
      </div>
    </Card>
  );
}

function SourceView({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const corrects = params.get('corrects') ?? undefined;
  const hideFeed = params.get('feed') !== 'all';
  const limit = batchLimit(hideFeed);

  const status = useResource('intake-status', fetchSourceStatus);
  const history = useResource(`intake-history:${sourceId}:${limit}`, (signal) => fetchBatches({ source: sourceId, limit }, signal));
  const [rejectsOf, setRejectsOf] = useState<string | null>(null);
  const uploadRef = useRef<HTMLDivElement>(null);

  usePolling(() => {
    status.reload();
    history.reload();
  }, REFRESH_MS);
  const pending = history.data?.items.some((batch) => batch.status === 'pending' && (!hideFeed || batch.channel !== 'feed'));
  usePolling(history.reload, pending ? PENDING_REFRESH_MS : null);

  // Arriving to upload a correction: the upload is what the steward came for.
  useEffect(() => {
    if (corrects) uploadRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [corrects]);

  const update = (change: Record<string, string | null>): void => updateSearchParams(setParams, change);

  const sources = status.data?.items ?? [];
  const source = sources.find((s) => s.id === sourceId);
  const asOf = status.data?.asOf ?? new Date().toISOString();
  const batches = history.data?.items ?? [];
  const pageError = status.error ?? history.error;
  const correctable = batches.filter((batch) => batch.rejected > 0 && batch.status === 'applied');
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/intake')} className="intake-back" data-testid="intake-back">
      {t('intake.back')}
    </Button>
  );

  if (status.data && !source) {
    return (
      <Card>
        <Result status="404" title={t('intake.sourceNotFound', { id: sourceId })} extra={back} />
      </Card>
    );
  }

  const uploadCorrection = (batch: BatchSummary) => {
    setRejectsOf(null);
    if (batch.sourceId === sourceId) update({ corrects: batch.id });
    else void navigate(sourcePagePath(batch.sourceId, batch.id));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="intake" data-testid="intake-source-page" data-source-id={sourceId}>
      {back}
      <Card className="intake-header">
        <div className="intake-header-bar">
          <Space size={8} wrap className="intake-title-line">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {source ? names.source(source) : t('common.loading')}
            </Typography.Title>
            {source && <FreshnessTag freshness={freshnessOf(source)} />}
          </Space>
          <Space size={8} wrap className="intake-asof">
            {status.data && <Typography.Text type="secondary">{t('intake.asOf', { time: formatTimestamp(status.data.asOf) })}</Typography.Text>}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                status.reload();
                history.reload();
              }}
            >
              {t('intake.refresh')}
            </Button>
          </Space>
        </div>
        {pageError && <Alert type="error" showIcon className="intake-page-error" title={<ErrorText error={pageError} />} />}
        {source ? <SourceDetails source={source} asOf={asOf} /> : <Skeleton active paragraph={{ rows: 2 }} />}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <div ref={uploadRef} className="intake-upload-anchor">
            <UploadCard
              sources={sources}
              sourceId={source?.id}
              onSourceChange={(id) => void navigate(sourcePagePath(id))}
              corrects={corrects}
              onCorrectsChange={(batchId) => update({ corrects: batchId ?? null })}
              correctable={correctable}
              onSettled={(batch) => {
                status.reload();
                history.reload();
                // The correction is in: the next file is a delivery of its own again.
                if (batch?.status === 'applied' && batch.correctsBatchId) update({ corrects: null });
              }}
              onShowRejects={setRejectsOf}
            />
          </div>
        </Col>
        <Col xs={24} xl={9}>{source ? <TemplateCard source={source} /> : <Card loading />}</Col>
      </Row>

      <BatchTable
        title={t('intake.batchHistory')}
        batches={batches}
        loading={history.loading && history.data === undefined}
        hideFeed={hideFeed}
        onHideFeedChange={(hide) => update({ feed: hide ? null : 'all' })}
        onShowRejects={setRejectsOf}
      />
      <RejectsDrawer
        batchId={rejectsOf}
        batch={batches.find((batch) => batch.id === rejectsOf)}
        sources={sources}
        onClose={() => setRejectsOf(null)}
        onUploadCorrection={uploadCorrection}
      />
    </Space>
  );
}

/** /intake/sources/:id — one department feed: its batches, its template, its upload. */
export function SourcePage() {
  const { id = '' } = useParams();
  // A different source is a different page: nothing of the previous one may linger.
  return <SourceView key={id} sourceId={id} />;
}
