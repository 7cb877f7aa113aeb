import type { PersonHit, PersonSearchResult } from '@shouwang/contract';
import { Alert, Card, Empty, Grid, Input, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { compactColumns, wideColumns } from './columns';
import { householdPath, MAX_QUERY_LENGTH, normalizeQuery, searchPath, SEARCH_LIMIT } from './query';
import { inputTestId } from './testId';
import { ReadReasonModal } from './ReadReasonModal';
import { searchPersons } from './search.api';
import './search.css';

export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = normalizeQuery(params.get('q'));
  const compact = !Grid.useBreakpoint().sm;
  const [opening, setOpening] = useState<PersonHit | null>(null);

  const result = useResource<PersonSearchResult | null>(`search:${q}`, (signal) =>
    q ? searchPersons(q, signal) : Promise.resolve(null),
  );
  // Keep the previous answer on screen while a new search runs, but never for an empty query.
  const data = q ? result.data : null;

  function search(value: string): void {
    const next = normalizeQuery(value);
    if (next === q) result.reload();
    else void navigate(searchPath(next));
  }

  function open(hit: PersonHit): void {
    setOpening(hit);
  }

  const rowProps = (hit: PersonHit) =>
    ({
      'data-testid': 'search-result',
      'data-person-id': hit.personId,
      'data-household-id': hit.householdId,
      tabIndex: 0,
      className: 'search-row',
      onClick: () => open(hit),
      onKeyDown: (event) => {
        if (event.key === 'Enter') open(hit);
      },
    }) as HTMLAttributes<HTMLElement>;

  const emptyText = q ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty', { q })} data-testid="search-empty" />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.prompt')} data-testid="search-prompt" />
  );

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('search.title')}</Typography.Title>}
      className="search"
    >
      <Input.Search
        // A new URL (header box, back/forward) resets the box to the query being shown.
        key={q}
        defaultValue={q}
        autoFocus
        allowClear
        enterButton
        size="large"
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        loading={Boolean(q) && result.loading}
        onSearch={search}
        ref={inputTestId('search-input')}
        className="search-input"
      />
      <Typography.Paragraph type="secondary" className="search-hint">
        {t('search.hint')}
      </Typography.Paragraph>
      {result.error && q && (
        <Alert type="error" showIcon className="search-alert" title={<ErrorText error={result.error} />} data-testid="search-error" />
      )}
      {data?.limited && (
        <Alert type="info" showIcon className="search-alert" title={t('search.limited', { count: SEARCH_LIMIT })} data-testid="search-limited" />
      )}
      <Table<PersonHit>
        rowKey="personId"
        size={compact ? 'small' : 'middle'}
        showHeader={!compact}
        columns={compact ? compactColumns(t) : wideColumns(t)}
        dataSource={data?.items ?? []}
        loading={Boolean(q) && result.loading}
        onRow={rowProps}
        locale={{ emptyText: result.error && q ? ' ' : emptyText }}
        scroll={compact ? undefined : { x: 1100 }}
        pagination={false}
      />
      <ReadReasonModal
        open={opening !== null}
        subject={opening?.name}
        onCancel={() => setOpening(null)}
        onConfirm={(reason) => {
          if (opening) void navigate(householdPath(opening.householdId, reason));
        }}
      />
    </Card>
  );
}
