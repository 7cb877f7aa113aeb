import { Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format/datetime';
import { freshnessOf, groupByDepartment } from './freshness';
import type { SourceStatus } from './intake.api';
import { useIntakeNames, type IntakeNames } from './names';
import { BatchStatusTag, FreshnessTag } from './tags';
import { refusalOf } from './refusal';

interface SourceLine {
  kind: 'source';
  key: string;
  source: SourceStatus;
}

interface DepartmentLine {
  kind: 'department';
  key: string;
  department: string;
  count: number;
  overdue: number;
  totals: Record<'batches30d' | 'accepted30d' | 'rejected30d' | 'unchanged30d', number>;
  children: SourceLine[];
}

type Line = SourceLine | DepartmentLine;

const TOTALS = ['batches30d', 'accepted30d', 'rejected30d', 'unchanged30d'] as const;
const TOTAL_TITLES = {
  batches30d: 'intake.batches30d',
  accepted30d: 'intake.accepted',
  rejected30d: 'intake.rejected',
  unchanged30d: 'intake.unchanged',
} as const;

function departmentLines(sources: readonly SourceStatus[]): DepartmentLine[] {
  return groupByDepartment(sources).map((group) => ({
    kind: 'department',
    key: `department:${group.department}`,
    department: group.department,
    count: group.sources.length,
    overdue: group.overdue,
    totals: {
      batches30d: group.sources.reduce((sum, s) => sum + s.batches30d, 0),
      accepted30d: group.sources.reduce((sum, s) => sum + s.accepted30d, 0),
      rejected30d: group.sources.reduce((sum, s) => sum + s.rejected30d, 0),
      unchanged30d: group.sources.reduce((sum, s) => sum + s.unchanged30d, 0),
    },
    children: group.sources.map((source) => ({ kind: 'source', key: source.id, source })),
  }));
}

/** "Last delivery 9 days ago, expected every 7 days". */
export function freshnessHint(names: IntakeNames, t: ReturnType<typeof useTranslation>['t'], source: SourceStatus, asOf: string): string {
  const expected = names.cadence(source.cadenceDays);
  switch (freshnessOf(source)) {
    case 'never':
      return t('intake.neverHint', { expected });
    case 'overdue':
      return t('intake.overdueHint', { ago: names.ago(source.lastDeliveryAt ?? asOf, asOf), expected });
    case 'on_time':
      return t('intake.onTimeHint', { ago: names.ago(source.lastDeliveryAt ?? asOf, asOf) });
  }
}

interface SourceTableProps {
  /** Already filtered and sorted. */
  sources: readonly SourceStatus[];
  asOf: string;
  grouped: boolean;
  loading: boolean;
  onOpen: (source: SourceStatus) => void;
}

/** One line per department feed: is it on time, what did its last batch do, 30-day totals. */
export function SourceTable({ sources, asOf, grouped, loading, onOpen }: SourceTableProps) {
  const { t, i18n } = useTranslation();
  const names = useIntakeNames();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const lines: Line[] = grouped ? departmentLines(sources) : sources.map((source) => ({ kind: 'source', key: source.id, source }));
  const expandedRowKeys = grouped ? lines.filter((line) => !collapsed.has(line.key)).map((line) => line.key) : [];

  const onlySources = (render: (source: SourceStatus) => ReactNode) => (_: unknown, line: Line) =>
    line.kind === 'source' ? render(line.source) : null;

  const hiddenOnDepartments = (line: Line) => ({ colSpan: line.kind === 'department' ? 0 : 1 });

  const columns: ColumnsType<Line> = [
    {
      key: 'source',
      title: t('intake.source'),
      width: 230,
      fixed: 'start',
      // A department's line spans the per-source columns: its name is long, its totals line up.
      onCell: (line) => ({ colSpan: line.kind === 'department' ? 4 : 1 }),
      render: (_, line) =>
        line.kind === 'department' ? (
          <Space size={8} wrap className="intake-department-line">
            <Typography.Text strong>{names.department(line.department)}</Typography.Text>
            <Typography.Text type="secondary">{t('intake.departmentSummary', { count: line.count })}</Typography.Text>
            {line.overdue > 0 && <Typography.Text type="danger">{t('intake.departmentOverdue', { count: line.overdue })}</Typography.Text>}
          </Space>
        ) : (
          <div className="intake-source-cell">
            <Typography.Text strong className="intake-source-name">
              {names.source(line.source)}
            </Typography.Text>
            <Typography.Text type="secondary" className="intake-source-sub">
              {grouped ? line.source.id : names.department(line.source.department)}
            </Typography.Text>
          </div>
        ),
    },
    {
      key: 'cadence',
      title: t('intake.cadence'),
      width: 100,
      className: 'intake-nowrap',
      onCell: hiddenOnDepartments,
      render: onlySources((source) => names.cadence(source.cadenceDays)),
    },
    {
      key: 'freshness',
      title: t('intake.lastDelivery'),
      width: 250,
      onCell: hiddenOnDepartments,
      render: onlySources((source) => (
        <div className="intake-freshness">
          <Space size={6}>
            <FreshnessTag freshness={freshnessOf(source)} />
            {source.lastDeliveryAt && <span className="tabular intake-last-delivery">{formatTimestamp(source.lastDeliveryAt)}</span>}
          </Space>
          <Typography.Text type={source.overdue ? 'danger' : 'secondary'} className="intake-freshness-hint">
            {freshnessHint(names, t, source, asOf)}
          </Typography.Text>
        </div>
      )),
    },
    {
      key: 'lastBatch',
      title: t('intake.lastBatch'),
      width: 210,
      onCell: hiddenOnDepartments,
      render: onlySources((source) =>
        source.lastBatch ? (
          <div className="intake-last-batch">
            <Tooltip title={source.lastBatch.status === 'refused' ? refusalOf(source.lastBatch, i18n.language) : source.lastBatch.fileName}>
              <BatchStatusTag status={source.lastBatch.status} />
            </Tooltip>
            <Typography.Text type="secondary" className="tabular">
              {t('intake.lastBatchCounts', source.lastBatch)}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
      ),
    },
    {
      key: 'last30d',
      title: t('intake.last30d'),
      children: TOTALS.map((total) => ({
        key: total,
        title: t(TOTAL_TITLES[total]),
        width: 86,
        align: 'right' as const,
        className: 'intake-nowrap',
        render: (_: unknown, line: Line) => {
          const value = line.kind === 'source' ? line.source[total] : line.totals[total];
          return (
            <span className={`tabular${total === 'rejected30d' && value > 0 ? ' intake-rejected-count' : ''}`}>{value}</span>
          );
        },
      })),
    },
  ];

  const rowProps = (line: Line): HTMLAttributes<HTMLElement> => {
    if (line.kind === 'department') {
      return { className: 'intake-department-row', 'data-testid': 'intake-department-row', 'data-department': line.department } as HTMLAttributes<HTMLElement>;
    }
    const open = () => onOpen(line.source);
    return {
      'data-testid': 'intake-source-row',
      'data-source-id': line.source.id,
      'data-freshness': freshnessOf(line.source),
      className: `intake-source-row${line.source.overdue ? ' intake-source-overdue' : ''}`,
      tabIndex: 0,
      onClick: open,
      onKeyDown: (event) => {
        if (event.key === 'Enter') open();
      },
    } as HTMLAttributes<HTMLElement>;
  };

  return (
    <Table<Line>
      rowKey="key"
      size="middle"
      bordered={false}
      loading={loading}
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 1134 }}
      locale={{ emptyText: t('intake.noSources') }}
      onRow={rowProps}
      expandable={
        grouped
          ? {
              expandedRowKeys,
              onExpand: (expanded, line) =>
                setCollapsed((previous) => {
                  const next = new Set(previous);
                  if (expanded) next.delete(line.key);
                  else next.add(line.key);
                  return next;
                }),
            }
          : { childrenColumnName: 'none' }
      }
    />
  );
}
