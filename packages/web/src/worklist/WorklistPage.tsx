import type { WarningSummary } from '@shouwang/contract';
import { Alert, Card, Grid, Select, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { fetchWarnings } from '../warnings/warnings.api';
import { SITUATIONS, WARNING_STATUSES } from '../warnings/tags';
import { compactColumns, wideColumns } from './columns';
import { filtersFromParams, PAGE_SIZES, paramsFromFilters, type WorklistFilters } from './filters';
import './worklist.css';

export function WorklistPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const compact = !Grid.useBreakpoint().md;

  const query = {
    status: filters.status,
    situation: filters.situation,
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  };
  const warnings = useResource(JSON.stringify(query), (signal) => fetchWarnings(query, signal));

  function update(change: Partial<WorklistFilters>): void {
    // A new filter starts again from the first page.
    const page = 'page' in change ? (change.page ?? 1) : 1;
    setParams(paramsFromFilters({ ...filters, ...change, page }));
  }

  function openWarning(warning: WarningSummary): void {
    void navigate(`/warnings/${encodeURIComponent(warning.id)}`);
  }

  const rowProps = (warning: WarningSummary) =>
    ({
      'data-testid': 'warning-row',
      'data-warning-id': warning.id,
      tabIndex: 0,
      className: 'worklist-row',
      onClick: () => openWarning(warning),
      onKeyDown: (event) => {
        if (event.key === 'Enter') openWarning(warning);
      },
    }) as HTMLAttributes<HTMLElement>;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('worklist.title')}</Typography.Title>}
      className="worklist"
    >
      <Space wrap className="worklist-filters">
        <Select
          allowClear
          placeholder={t('worklist.filterStatus')}
          aria-label={t('worklist.filterStatus')}
          data-testid="filter-status"
          style={{ minWidth: 140 }}
          value={filters.status}
          onChange={(status) => update({ status })}
          options={WARNING_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <Select
          allowClear
          placeholder={t('worklist.filterSituation')}
          aria-label={t('worklist.filterSituation')}
          data-testid="filter-situation"
          style={{ minWidth: 160 }}
          value={filters.situation}
          onChange={(situation) => update({ situation })}
          options={SITUATIONS.map((situation) => ({ value: situation, label: t(`situation.${situation}`) }))}
        />
      </Space>
      {warnings.error && (
        <Alert type="error" showIcon className="worklist-error" title={<ErrorText error={warnings.error} />} />
      )}
      <Table<WarningSummary>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        showHeader={!compact}
        columns={compact ? compactColumns(t) : wideColumns(t)}
        dataSource={warnings.data?.items ?? []}
        loading={warnings.loading}
        onRow={rowProps}
        locale={{ emptyText: t('worklist.empty') }}
        scroll={compact ? undefined : { x: 960 }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: warnings.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: !compact,
          simple: compact,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => update({ page: pageSize === filters.pageSize ? page : 1, pageSize }),
        }}
      />
    </Card>
  );
}
