import type { BatchSummary } from '@shouwang/contract';
import { Alert, Button, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { shortId } from '../format/id';

const COUNTS = ['rows', 'accepted', 'rejected', 'unchanged', 'signals'] as const;

function outcome(batch: BatchSummary, t: ReturnType<typeof useTranslation>['t']) {
  switch (batch.status) {
    case 'applied':
      return <Alert type="success" showIcon title={t('intake.applied', { batch: shortId(batch.id) })} />;
    case 'duplicate':
      return <Alert type="info" showIcon title={t('intake.duplicate', { batch: batch.duplicateOf ? shortId(batch.duplicateOf) : '—' })} />;
    case 'refused':
      return <Alert type="error" showIcon title={t('intake.refused')} description={batch.refusal} />;
  }
}

/** What happened to the file just uploaded. */
export function BatchResult({ batch, onShowRejects }: { batch: BatchSummary; onShowRejects: (batch: BatchSummary) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('intake.resultTitle', { name: batch.fileName })}
      data-testid="intake-result"
      data-status={batch.status}
      extra={
        batch.rejected > 0 && (
          <Button onClick={() => onShowRejects(batch)} data-testid="intake-show-rejects">
            {t('intake.viewRejects')}
          </Button>
        )
      }
    >
      {outcome(batch, t)}
      <Row gutter={[16, 16]} className="intake-counts">
        {COUNTS.map((count) => (
          <Col key={count} xs={12} sm={8} md={4}>
            <Statistic title={t(`intake.${count}`)} value={batch[count]} data-testid={`intake-count-${count}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
