import { HouseholdProvenance, type ProvenanceRecord } from '@shouwang/contract';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canSee, useMe } from '../auth/session';
import { request } from '../api/client';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { shortId } from '../format/id';
import { batchPagePath } from '../intake/links';
import { translateKey } from '../i18n/dynamic';

function fetchProvenance(householdId: string, signal: AbortSignal): Promise<HouseholdProvenance> {
  return request('GET', `/api/households/${encodeURIComponent(householdId)}/provenance`, { schema: HouseholdProvenance, signal });
}

/** Where each fact about the household came from: department, delivery, row and time. */
export function ProvenanceCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const resource = useResource(`provenance:${householdId}`, (signal) => fetchProvenance(householdId, signal));
  // Stewards follow a fact to its delivery; others see which file it was.
  const linked = canSee(useMe().role, 'intake');
  return (
    <Card title={t('warning.provenance')} extra={<Typography.Text type="secondary">{t('warning.provenanceHint')}</Typography.Text>} data-testid="warning-provenance">
      {resource.error && <Alert type="error" showIcon title={<ErrorText error={resource.error} />} />}
      {resource.data?.truncated && <Alert type="info" showIcon title={t('warning.provenanceTruncated')} className="explanation-section" />}
      <Table<ProvenanceRecord>
        size="small"
        loading={resource.loading && !resource.data}
        rowKey={(r) => `${r.batchId}|${r.rowNumber}|${r.sourceId}|${r.recordKey}|${r.version}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        dataSource={resource.data?.items ?? []}
        columns={[
          { key: 'member', title: t('warning.provenanceMember'), render: (_, r) => `${r.memberName}（${translateKey(t, 'relation', r.relation)}）` },
          { key: 'source', title: t('warning.provenanceSource'), render: (_, r) => (
            <span>{translateKey(t, 'source', r.sourceId, r.sourceName)}<br /><Typography.Text type="secondary">{translateKey(t, 'department', r.department)}</Typography.Text></span>
          ) },
          { key: 'record', title: t('warning.provenanceRecord'), render: (_, r) => (
            <span className="tabular">{r.recordKey}{r.version > 1 && <> · {t('warning.provenanceVersion')} {r.version}</>}{!r.current && <> <Tag>{t('warning.provenanceSuperseded')}</Tag></>}</span>
          ) },
          { key: 'file', title: t('warning.provenanceFile'), render: (_, r) => (
            <span>
              {linked ? <Link to={batchPagePath(r.batchId, r.rowNumber)} data-testid="provenance-batch-link">{r.fileName}</Link> : r.fileName}
              <br /><Typography.Text type="secondary" className="tabular">{shortId(r.batchId)}</Typography.Text>
            </span>
          ) },
          { key: 'row', title: t('warning.provenanceRow'), dataIndex: 'rowNumber', align: 'right' },
          { key: 'received', title: t('warning.provenanceReceived'), render: (_, r) => <span className="tabular">{formatTimestamp(r.receivedAt)}</span> },
        ]}
      />
    </Card>
  );
}
