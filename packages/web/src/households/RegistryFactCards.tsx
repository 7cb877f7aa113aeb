import type { EnrolmentFact, MembershipFact } from '@shouwang/contract';
import { Badge, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canSee, useMe } from '../auth/session';
import { shortId } from '../format/id';
import { formatFen } from '../format/money';
import { batchPagePath } from '../intake/links';
import { useDomain } from '../registry/domain';
import { useRegistryNames } from '../registry/names';
import { ProgrammeKindTag } from '../registry/ProgrammeKindTag';

type Status = MembershipFact['status'];
type TFn = ReturnType<typeof useTranslation>['t'];

function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge status={status === 'active' ? 'success' : 'default'} text={t(`membership.${status}`)} data-status={status} />;
}

function dates(t: TFn, startedOn: string, endedOn: string | null): string {
  return endedOn ? t('household.dateRange', { from: startedOn, to: endedOn }) : t('household.dateSince', { from: startedOn });
}

/** The feed a fact comes from, and which batch and row: or that the household register implies it. */
function Provenance({ sourceId, batchId, rowNumber }: { sourceId: string; batchId: string | null; rowNumber: number | null }) {
  const { t } = useTranslation();
  const names = useRegistryNames();
  const me = useMe();
  const text = batchId === null ? t('household.fromRegister') : t('household.fromRow', { batch: shortId(batchId), row: rowNumber ?? '—' });
  return (
    <div>
      <div>{names.source(sourceId)}</div>
      {batchId !== null && canSee(me.role, 'intake') ? (
        <Link to={batchPagePath(batchId, rowNumber)} className="household-hint" title={batchId} data-testid="fact-batch-link">{text}</Link>
      ) : (
        <Typography.Text type="secondary" className="household-hint" title={batchId ?? undefined}>{text}</Typography.Text>
      )}
    </div>
  );
}

/** 人群类别: each member's population groups, active or ended, with where each came from. */
export function MembershipsCard({ groups }: { groups: readonly MembershipFact[] }) {
  const { t } = useTranslation();
  const names = useRegistryNames();
  const domain = useDomain();
  const rows = [...groups].sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || a.memberName.localeCompare(b.memberName));
  return (
    <Card title={t('household.groups')} data-testid="household-groups">
      <Table<MembershipFact>
        size="small"
        rowKey={(g) => `${g.groupId}|${g.memberName}|${g.sourceId}|${g.startedOn}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 680 }}
        dataSource={rows}
        locale={{ emptyText: t('household.noGroups') }}
        columns={[
          {
            key: 'group',
            title: t('household.groups'),
            render: (_, g) => (
              <Tag color={g.status === 'active' ? 'green' : undefined} variant={g.status === 'active' ? 'filled' : 'outlined'} data-group-id={g.groupId}>
                {names.group(domain?.groupById(g.groupId), g.groupId)}
              </Tag>
            ),
          },
          { key: 'member', title: t('household.programmeMember'), dataIndex: 'memberName' },
          { key: 'status', title: t('household.programmeStatus'), render: (_, g) => <StatusBadge status={g.status} /> },
          { key: 'dates', title: t('household.programmeDates'), render: (_, g) => <span className="tabular">{dates(t, g.startedOn, g.endedOn)}</span> },
          { key: 'source', title: t('household.programmeSource'), render: (_, g) => <Provenance sourceId={g.sourceId} batchId={g.batchId} rowNumber={g.rowNumber} /> },
        ]}
      />
    </Card>
  );
}

/** 救助项目: programme enrolments with their money, the roster household and the record. */
export function EnrolmentsCard({ programmes }: { programmes: readonly EnrolmentFact[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('household.programmes')} data-testid="household-programmes">
      <Table<EnrolmentFact>
        size="small"
        rowKey={(p) => `${p.programme}|${p.memberName}|${p.sourceId}|${p.startedOn}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 860 }}
        dataSource={[...programmes]}
        locale={{ emptyText: t('household.noProgrammes') }}
        columns={[
          { key: 'programme', title: t('household.programme'), render: (_, p) => <ProgrammeKindTag programme={p.programme} /> },
          { key: 'member', title: t('household.programmeMember'), dataIndex: 'memberName' },
          {
            key: 'amount',
            title: <Tooltip title={t('household.programmeAmountHint')}>{t('household.programmeAmount')}</Tooltip>,
            align: 'right',
            render: (_, p) => <span className="tabular">{formatFen(p.amountFen)}</span>,
          },
          { key: 'dates', title: t('household.programmeDates'), render: (_, p) => <span className="tabular">{dates(t, p.startedOn, p.endedOn)}</span> },
          { key: 'rosterNo', title: t('household.rosterHouseholdNo'), render: (_, p) => <span className="tabular">{p.rosterHouseholdNo ?? '—'}</span> },
          { key: 'status', title: t('household.programmeStatus'), render: (_, p) => <StatusBadge status={p.status} /> },
          { key: 'source', title: t('household.programmeSource'), render: (_, p) => <Provenance sourceId={p.sourceId} batchId={p.batchId} rowNumber={p.rowNumber} /> },
        ]}
      />
    </Card>
  );
}
