import { InfoCircleOutlined } from '@ant-design/icons';
import type { Lead } from '@shouwang/contract';
import { Alert, App, Button, Card, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { formatFen } from '../format/money';
import { updateSearchParams } from '../intake/search-params';
import { householdPath } from '../search/query';
import { AddLeadModal } from './AddLeadModal';
import { useRegistryNames, type RegistryNames } from './names';
import { NoteModal } from './NoteModal';
import { QUEUE_PAGE_SIZE, queueParams } from './queue-params';
import { fetchLeads, reviewLead, type QueueStatus } from './registry.api';
import { Muted, SourceRowLink } from './SourceRowLink';
import { LeadStatusTag } from './tags';
import './registry.css';

type TFn = ReturnType<typeof useTranslation>['t'];
type Evidence = Lead['evidence'][number];

function Kinds({ lead, names }: { lead: Lead; names: RegistryNames }) {
  return (
    <Space size={[4, 4]} wrap>
      {lead.kinds.map((kind) => (
        <Tag key={kind} data-kind={kind}>{names.signal(kind)}</Tag>
      ))}
    </Space>
  );
}

interface LeadActions {
  add: (lead: Lead) => void;
  dismiss: (lead: Lead) => void;
}

/** Open: add or dismiss. Added: its household. Dismissed: why. */
function Decision({ lead, actions, t }: { lead: Lead; actions: LeadActions; t: TFn }): ReactNode {
  if (lead.status === 'open') {
    return (
      <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
        <Button type="primary" size="small" onClick={() => actions.add(lead)} data-testid="lead-add">{t('leads.add')}</Button>
        <Button size="small" onClick={() => actions.dismiss(lead)} data-testid="lead-dismiss">{t('leads.dismiss')}</Button>
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <LeadStatusTag status={lead.status} />
      {lead.householdId && <Link to={householdPath(lead.householdId, 'data_quality')}>{t('leads.openHousehold')}</Link>}
      {lead.reviewReason && <Muted>{lead.reviewReason}</Muted>}
    </Space>
  );
}

function wideColumns(t: TFn, names: RegistryNames, actions: LeadActions): ColumnsType<Lead> {
  return [
    { key: 'name', title: t('leads.name'), dataIndex: 'name', width: 90 },
    { key: 'residentId', title: t('leads.residentId'), width: 170, render: (_, l) => <span className="tabular">{l.residentId}</span> },
    { key: 'community', title: t('leads.community'), width: 120, render: (_, l) => l.communityName || <Muted>{t('issues.noCommunity')}</Muted> },
    { key: 'kinds', title: t('leads.kinds'), render: (_, l) => <Kinds lead={l} names={names} /> },
    { key: 'signals', title: t('leads.signals'), width: 80, align: 'right', render: (_, l) => <span className="tabular">{l.signalCount}</span> },
    { key: 'maxAmount', title: t('leads.maxAmount'), width: 120, align: 'right', render: (_, l) => <span className="tabular">{formatFen(l.maxAmountFen)}</span> },
    { key: 'lastSeen', title: t('leads.lastSeen'), width: 140, render: (_, l) => <span className="tabular">{formatTimestamp(l.lastSeenAt)}</span> },
    // The decision stays in view when a narrow window scrolls the table.
    { key: 'decision', title: '', width: 210, fixed: 'right', render: (_, l) => <Decision lead={l} actions={actions} t={t} /> },
  ];
}

/** A phone shows each lead as a small card, its actions at the bottom. */
function compactColumns(t: TFn, names: RegistryNames, actions: LeadActions): ColumnsType<Lead> {
  return [
    {
      key: 'lead',
      render: (_, l) => (
        <div className="registry-card">
          <div className="registry-card-top">
            <Typography.Text strong>{l.name}</Typography.Text>
            <span className="tabular registry-card-amount">{formatFen(l.maxAmountFen)}</span>
          </div>
          <Muted>{`${l.residentId} · ${l.communityName || t('issues.noCommunity')}`}</Muted>
          <Kinds lead={l} names={names} />
          <div className="registry-card-bottom">
            <span>{t('leads.signals')} {l.signalCount}</span>
            <span className="tabular">{formatTimestamp(l.lastSeenAt)}</span>
          </div>
          <Decision lead={l} actions={actions} t={t} />
        </div>
      ),
    },
  ];
}

function EvidenceTable({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const names = useRegistryNames();
  return (
    <Table<Evidence>
      size="small"
      className="registry-evidence"
      rowKey={(e) => `${e.batchId}|${e.rowNumber}|${e.kind}`}
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={lead.evidence}
      data-testid="lead-evidence"
      columns={[
        { key: 'kind', title: t('leads.evidenceKind'), render: (_, e) => names.signal(e.kind) },
        { key: 'date', title: t('leads.evidenceDate'), render: (_, e) => <span className="tabular">{e.occurredOn}</span> },
        { key: 'amount', title: t('leads.evidenceAmount'), align: 'right', render: (_, e) => <span className="tabular">{formatFen(e.amountFen)}</span> },
        { key: 'source', title: t('leads.evidenceSource'), render: (_, e) => <SourceRowLink sourceId={e.sourceId} batchId={e.batchId} rowNumber={e.rowNumber} /> },
      ]}
    />
  );
}

/** /registry/leads — 未覆盖线索: people in difficulty by department data whom the database does not hold. */
export function LeadsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useRegistryNames();
  const compact = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const { status, page } = queueParams(params);
  const [adding, setAdding] = useState<Lead | undefined>(undefined);
  const [dismissing, setDismissing] = useState<Lead | undefined>(undefined);

  const query = { status, offset: (page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE };
  const leads = useResource(`leads:${JSON.stringify(query)}`, (signal) => fetchLeads(query, signal));
  const update = (change: Record<string, string | null>) => updateSearchParams(setParams, change);
  const actions: LeadActions = { add: setAdding, dismiss: setDismissing };

  async function dismiss(reason: string): Promise<void> {
    if (!dismissing) return;
    await reviewLead(dismissing.id, { action: 'dismiss', reason });
    void message.success(t('leads.dismissed', { name: dismissing.name }));
    setDismissing(undefined);
    leads.reload();
  }

  return (
    <Card
      className="registry"
      data-testid="leads-page"
      title={
        <div className="registry-card-title">
          <Typography.Title level={4} className="registry-title">{t('leads.title')}</Typography.Title>
          <Typography.Text type="secondary" className="registry-subtitle" data-testid="leads-explain">
            <InfoCircleOutlined /> {t('leads.explain')}
          </Typography.Text>
        </div>
      }
    >
      <Space wrap className="registry-filters">
        <Segmented<QueueStatus>
          value={status}
          onChange={(next) => update({ status: next === 'open' ? null : next, page: null })}
          options={[
            { value: 'open', label: t('queue.open') },
            { value: 'closed', label: t('queue.closed') },
          ]}
        />
      </Space>
      {leads.error && <Alert type="error" showIcon className="registry-error" title={<ErrorText error={leads.error} />} />}
      <Table<Lead>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        showHeader={!compact}
        columns={compact ? compactColumns(t, names, actions) : wideColumns(t, names, actions)}
        dataSource={leads.data?.items ?? []}
        loading={leads.loading}
        onRow={(lead) => ({ 'data-testid': 'lead-row', 'data-lead-id': lead.id }) as HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (lead) => <EvidenceTable lead={lead} />, rowExpandable: (lead) => lead.evidence.length > 0, columnWidth: compact ? 32 : 48 }}
        locale={{ emptyText: t('leads.empty') }}
        scroll={compact ? undefined : { x: 1060 }}
        pagination={{
          current: page,
          pageSize: QUEUE_PAGE_SIZE,
          total: leads.data?.total ?? 0,
          simple: compact,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (next) => update({ page: next === 1 ? null : String(next) }),
        }}
      />
      <AddLeadModal lead={adding} onClose={() => setAdding(undefined)} onAdded={() => leads.reload()} />
      <NoteModal
        open={dismissing !== undefined}
        title={dismissing ? t('leads.dismissTitle', { name: dismissing.name }) : ''}
        label={t('leads.reasonLabel')}
        placeholder={t('leads.reasonPlaceholder')}
        requiredMessage={t('leads.reasonRequired')}
        okText={t('leads.dismiss')}
        danger
        onCancel={() => setDismissing(undefined)}
        onSubmit={dismiss}
      />
    </Card>
  );
}
