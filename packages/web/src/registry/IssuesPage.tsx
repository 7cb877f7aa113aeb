import type { DataQualityIssue, DataQualityKind } from '@shouwang/contract';
import { Alert, Badge, Button, Card, Grid, Segmented, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { updateSearchParams } from '../intake/search-params';
import { IssueDrawer } from './IssueDrawer';
import { useRegistryNames, type RegistryNames } from './names';
import { QUEUE_PAGE_SIZE, queueParams } from './queue-params';
import { fetchIssues, type QueueStatus } from './registry.api';
import { Muted, SourceRowLink } from './SourceRowLink';
import { ISSUE_KINDS, IssueKindTag, IssueStatusTag } from './tags';
import './registry.css';

type TFn = ReturnType<typeof useTranslation>['t'];

function parseKind(value: string | null): DataQualityKind | undefined {
  return ISSUE_KINDS.find((kind) => kind === value);
}

const reasonOf = (issue: DataQualityIssue, zh: boolean) => (zh ? issue.reasonZh || issue.reason : issue.reason || issue.reasonZh);

function wideColumns(t: TFn, names: RegistryNames, status: QueueStatus, open: (issue: DataQualityIssue) => void): ColumnsType<DataQualityIssue> {
  return [
    { key: 'name', title: t('issues.name'), dataIndex: 'name', width: 90 },
    { key: 'residentId', title: t('issues.residentId'), width: 170, render: (_, i) => <span className="tabular">{i.residentId || '—'}</span> },
    { key: 'community', title: t('issues.community'), width: 130, render: (_, i) => i.communityName || <Muted>{t('issues.noCommunity')}</Muted> },
    { key: 'kind', title: t('issues.kind'), width: 190, render: (_, i) => <IssueKindTag kind={i.kind} /> },
    { key: 'reason', title: t('issues.reason'), render: (_, i) => reasonOf(i, names.zh) },
    {
      key: 'source',
      title: t('issues.source'),
      width: 200,
      render: (_, i) => <SourceRowLink sourceId={i.sourceId} batchId={i.batchId} rowNumber={i.rowNumber} />,
    },
    { key: 'receivedAt', title: t('issues.receivedAt'), width: 140, render: (_, i) => <span className="tabular">{formatTimestamp(i.createdAt)}</span> },
    ...(status === 'closed' ? [{ key: 'status', title: t('issues.status'), width: 90, render: (_: unknown, i: DataQualityIssue) => <IssueStatusTag status={i.status} /> }] : []),
    {
      key: 'open',
      title: '',
      width: 70,
      fixed: 'right',
      align: 'right',
      render: (_, i) => (
        <Button type="link" size="small" onClick={(event) => { event.stopPropagation(); open(i); }}>
          {t('issues.view')}
        </Button>
      ),
    },
  ];
}

/** A phone shows each issue as a small card. */
function compactColumns(t: TFn, names: RegistryNames): ColumnsType<DataQualityIssue> {
  return [
    {
      key: 'issue',
      render: (_, i) => (
        <div className="registry-card">
          <div className="registry-card-top">
            <Typography.Text strong>{i.name}</Typography.Text>
            <IssueKindTag kind={i.kind} />
          </div>
          <div>{reasonOf(i, names.zh)}</div>
          <Muted>{`${i.residentId} · ${i.communityName || t('issues.noCommunity')}`}</Muted>
          <div className="registry-card-bottom">
            <span>{names.source(i.sourceId)}</span>
            <span className="tabular">{formatTimestamp(i.createdAt)}</span>
          </div>
        </div>
      ),
    },
  ];
}

/** /registry/issues — 数据质量: conflicts between department feeds, each closed by a person with a note. */
export function IssuesPage() {
  const { t } = useTranslation();
  const names = useRegistryNames();
  const compact = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const { status, page } = queueParams(params);
  const kind = parseKind(params.get('kind'));
  const selectedId = params.get('issue');

  const query = { status, kind, offset: (page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE };
  const issues = useResource(`issues:${JSON.stringify(query)}`, (signal) => fetchIssues(query, signal));
  const items = issues.data?.items ?? [];
  const byKind = issues.data?.byKind ?? {};
  const all = Object.values(byKind).reduce((sum, n) => sum + n, 0);
  const selected = items.find((i) => i.id === selectedId);

  const update = (change: Record<string, string | null>) => updateSearchParams(setParams, change);
  const open = (issue: DataQualityIssue) => update({ issue: issue.id });

  const rowProps = (issue: DataQualityIssue) =>
    ({
      'data-testid': 'issue-row',
      'data-issue-id': issue.id,
      'data-kind': issue.kind,
      tabIndex: 0,
      className: 'registry-row-action',
      onClick: () => open(issue),
      onKeyDown: (event) => {
        if (event.key === 'Enter') open(issue);
      },
    }) as HTMLAttributes<HTMLElement>;

  const count = (n: number | undefined) => <Badge count={n ?? 0} showZero overflowCount={9999} color={status === 'open' && n ? '#cf1322' : '#8c8c8c'} className="registry-tab-count" />;

  return (
    <Card
      className="registry"
      data-testid="issues-page"
      title={
        <div className="registry-card-title">
          <Typography.Title level={4} className="registry-title">{t('issues.title')}</Typography.Title>
          <Typography.Text type="secondary" className="registry-subtitle">{t('issues.subtitle')}</Typography.Text>
        </div>
      }
    >
      <Space wrap className="registry-filters">
        <Segmented<QueueStatus>
          value={status}
          onChange={(next) => update({ status: next === 'open' ? null : next, page: null, issue: null })}
          options={[
            { value: 'open', label: t('queue.open') },
            { value: 'closed', label: t('queue.closed') },
          ]}
          data-testid="issues-status"
        />
      </Space>
      <Tabs
        activeKey={kind ?? 'all'}
        onChange={(key) => update({ kind: key === 'all' ? null : key, page: null, issue: null })}
        items={[
          { key: 'all', label: <span data-testid="issues-tab-all">{t('issues.all')} {count(all)}</span> },
          ...ISSUE_KINDS.map((k) => ({ key: k, label: <span data-testid={`issues-tab-${k}`}>{t(`issueKind.${k}`)} {count(byKind[k])}</span> })),
        ]}
      />
      {issues.error && <Alert type="error" showIcon className="registry-error" title={<ErrorText error={issues.error} />} />}
      <Table<DataQualityIssue>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        showHeader={!compact}
        columns={compact ? compactColumns(t, names) : wideColumns(t, names, status, open)}
        dataSource={items}
        loading={issues.loading}
        onRow={rowProps}
        locale={{ emptyText: t('issues.empty') }}
        scroll={compact ? undefined : { x: 1120 }}
        pagination={{
          current: page,
          pageSize: QUEUE_PAGE_SIZE,
          total: issues.data?.total ?? 0,
          simple: compact,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (next) => update({ page: next === 1 ? null : String(next) }),
        }}
      />
      <IssueDrawer
        issue={selected}
        onClose={() => update({ issue: null })}
        onDecided={() => {
          update({ issue: null });
          issues.reload();
        }}
      />
    </Card>
  );
}
