import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format/datetime';
import { shortId } from '../format/id';
import { BatchStatusTag, ChannelTag, FormatTag } from './tags';
import { refusalOf } from './refusal';

const COUNTS = ['rows', 'accepted', 'rejected', 'unchanged', 'signals'] as const;

function outcome(batch: BatchSummary, t: TFunction, language: string) {
  switch (batch.status) {
    case 'pending':
      return <Alert type="info" showIcon title={t('intake.pending', { batch: shortId(batch.id) })} />;
    case 'applied':
      return <Alert type="success" showIcon title={t('intake.applied', { batch: shortId(batch.id) })} />;
    case 'duplicate':
      return <Alert type="info" showIcon title={t('intake.duplicate', { batch: batch.duplicateOf ? shortId(batch.duplicateOf) : '—' })} />;
    case 'refused':
      return (
        <Alert
          type="error"
          showIcon
          title={t('intake.refused')}
          description={`${t('intake.refusedHint')} ${refusalOf(batch, language) ?? ''}`}
          data-testid="intake-refusal"
        />
      );
  }
}

interface BatchResultProps {
  batch: BatchSummary;
  /** Opens the rejected rows of a batch: this one, or the one it corrects. */
  onShowRejects: (batchId: string) => void;
  /** Off when an error alert above already says what happened. */
  showOutcome?: boolean;
}

/** What happened to the file just uploaded. */
export function BatchResult({ batch, onShowRejects, showOutcome = true }: BatchResultProps) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      title={t('intake.resultTitle', { name: batch.fileName })}
      data-testid="intake-result"
      data-status={batch.status}
      data-batch-id={batch.id}
      className="intake-result"
      extra={
        batch.rejected > 0 && (
          <Button onClick={() => onShowRejects(batch.id)} data-testid="intake-show-rejects">
            {t('intake.viewRejects')}
          </Button>
        )
      }
    >
      {showOutcome && outcome(batch, t, i18n.language)}
      <Space size={[4, 8]} wrap className="intake-result-tags">
        <BatchStatusTag status={batch.status} data-testid="intake-batch-status" />
        <FormatTag format={batch.format} />
        <ChannelTag channel={batch.channel} />
        <code>{batch.encoding}</code>
      </Space>
      {batch.status !== 'refused' && (
        <Row gutter={[16, 16]} className="intake-counts">
          {COUNTS.map((count) => (
            <Col key={count} xs={12} sm={8} md={4}>
              <Statistic title={t(`intake.${count}`)} value={batch[count]} data-testid={`intake-count-${count}`} />
            </Col>
          ))}
        </Row>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        className="intake-result-details"
        items={[
          { key: 'batch', label: t('intake.batch'), children: <code title={batch.id}>{shortId(batch.id)}</code> },
          { key: 'receivedAt', label: t('intake.receivedAt'), children: formatTimestamp(batch.receivedAt) },
          { key: 'completedAt', label: t('intake.completedAt'), children: formatTimestamp(batch.completedAt) },
          ...(batch.correctsBatchId
            ? [
                {
                  key: 'corrects',
                  label: t('intake.corrects'),
                  children: (
                    <Button type="link" size="small" className="intake-link" onClick={() => onShowRejects(batch.correctsBatchId ?? '')}>
                      {t('intake.correctsBatch', { batch: shortId(batch.correctsBatchId) })}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
