import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Segmented, Select, Space, Statistic, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { BatchTable } from './BatchTable';
import { freshnessOf, groupByDepartment, matchesSearch, sortSources } from './freshness';
import { fetchBatches, fetchSourceStatus, type SourceStatus } from './intake.api';
import { sourcePagePath } from './links';
import { useIntakeNames } from './names';
import { RejectsDrawer } from './RejectsDrawer';
import { SourceTable } from './SourceTable';
import { batchLimit, PENDING_REFRESH_MS, REFRESH_MS, usePolling } from './usePolling';
import './intake.css';
import { updateSearchParams } from './search-params';

type View = 'list' | 'department';

function Summary({ sources }: { sources: readonly SourceStatus[] }) {
  const { t } = useTranslation();
  const overdue = sources.filter((s) => freshnessOf(s) === 'overdue').length;
  const never = sources.filter((s) => freshnessOf(s) === 'never').length;
  const stats = [
    { key: 'sources', title: t('intake.statSources'), value: sources.length },
    { key: 'departments', title: t('intake.statDepartments'), value: groupByDepartment(sources).length },
    { key: 'overdue', title: t('intake.statOverdue'), value: overdue, danger: overdue > 0 },
    { key: 'never', title: t('intake.statNever'), value: never, danger: never > 0 },
    { key: 'batches30d', title: t('intake.statBatches30d'), value: sources.reduce((sum, s) => sum + s.batches30d, 0) },
    { key: 'rejected30d', title: t('intake.statRejected30d'), value: sources.reduce((sum, s) => sum + s.rejected30d, 0) },
  ];
  return (
    <Row gutter={[16, 16]} className="intake-summary">
      {stats.map((stat) => (
        <Col key={stat.key} xs={12} sm={8} xl={4}>
          <Statistic
            title={stat.title}
            value={stat.value}
            data-testid={`intake-stat-${stat.key}`}
            styles={stat.danger ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}

/** 数据接入监控: the data steward's view of every department feed. */
export function IntakePage() {
  const { t } = useTranslation();
  const names = useIntakeNames();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const department = params.get('department') ?? undefined;
  const view: View = params.get('view') === 'department' ? 'department' : 'list';
  const overdueOnly = params.get('overdue') === '1';
  const hideFeed = params.get('feed') !== 'all';

  const status = useResource('intake-status', fetchSourceStatus);
  const limit = batchLimit(hideFeed);
  const batches = useResource(`intake-batches:${limit}`, (signal) => fetchBatches({ limit }, signal));
  const [rejectsOf, setRejectsOf] = useState<string | null>(null);

  usePolling(() => {
    status.reload();
    batches.reload();
  }, REFRESH_MS);
  const pending = batches.data?.items.some((batch) => batch.status === 'pending' && (!hideFeed || batch.channel !== 'feed'));
  usePolling(batches.reload, pending ? PENDING_REFRESH_MS : null);

  const update = (change: Record<string, string | null>): void => updateSearchParams(setParams, change);

  const all = status.data?.items ?? [];
  const asOf = status.data?.asOf ?? new Date().toISOString();
  const departments = groupByDepartment(all);
  const shown = sortSources(
    all.filter(
      (s) =>
        (!department || s.department === department) &&
        (!overdueOnly || s.overdue) &&
        matchesSearch(search, [s.id, s.name, s.department, names.source(s), names.department(s.department)]),
    ),
    asOf,
  );
  const error = status.error ?? batches.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="intake">
      <Card className="intake-header">
        <div className="intake-header-bar">
          <div className="intake-title">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('intake.monitorTitle')}
            </Typography.Title>
            <Typography.Text type="secondary" className="intake-subtitle">
              {t('intake.monitorSubtitle')}
            </Typography.Text>
          </div>
          <Space size={8} wrap className="intake-asof">
            {status.data && (
              <Typography.Text type="secondary" data-testid="intake-asof">
                {t('intake.asOf', { time: formatTimestamp(status.data.asOf) })}
              </Typography.Text>
            )}
            <Button
              icon={<ReloadOutlined />}
              loading={status.loading && status.data !== undefined}
              onClick={() => {
                status.reload();
                batches.reload();
              }}
              data-testid="intake-refresh"
            >
              {t('intake.refresh')}
            </Button>
          </Space>
        </div>
        {error && <Alert type="error" showIcon className="intake-page-error" title={<ErrorText error={error} />} />}
        <Summary sources={all} />
      </Card>

      <Card className="intake-sources" title={t('intake.statSources')}>
        <div className="intake-toolbar">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('intake.search')}
            aria-label={t('intake.search')}
            value={search}
            onChange={(event) => update({ q: event.target.value })}
            className="intake-search"
            data-testid="intake-source-search"
          />
          <Select
            allowClear
            placeholder={t('intake.allDepartments')}
            aria-label={t('intake.department')}
            value={department}
            onChange={(value: string | undefined) => update({ department: value ?? null })}
            className="intake-department-filter"
            data-testid="intake-department-filter"
            popupMatchSelectWidth={false}
            options={departments.map((group) => ({
              value: group.department,
              label: t('intake.departmentOption', { department: names.department(group.department), count: group.sources.length }),
            }))}
          />
          <label className="intake-switch">
            <Switch size="small" checked={overdueOnly} onChange={(on) => update({ overdue: on ? '1' : null })} data-testid="intake-overdue-only" />
            <span>{t('intake.overdueOnly')}</span>
          </label>
          <Segmented<View>
            value={view}
            onChange={(value) => update({ view: value === 'list' ? null : value })}
            options={[
              { value: 'list', label: t('intake.viewList') },
              { value: 'department', label: t('intake.viewGrouped') },
            ]}
            data-testid="intake-view"
          />
        </div>
        <SourceTable
          sources={shown}
          asOf={asOf}
          grouped={view === 'department'}
          loading={status.loading && status.data === undefined}
          onOpen={(source) => void navigate(sourcePagePath(source.id))}
        />
      </Card>

      <BatchTable
        title={t('intake.recentBatches')}
        batches={batches.data?.items ?? []}
        sources={all}
        loading={batches.loading && batches.data === undefined}
        hideFeed={hideFeed}
        onHideFeedChange={(hide) => update({ feed: hide ? null : 'all' })}
        onShowRejects={setRejectsOf}
      />
      <RejectsDrawer
        batchId={rejectsOf}
        batch={batches.data?.items.find((batch) => batch.id === rejectsOf)}
        sources={all}
        onClose={() => setRejectsOf(null)}
        onUploadCorrection={(batch) =>
          void navigate(sourcePagePath(batch.sourceId, batch.id))
        }
      />
    </Space>
  );
}
