import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { Situation, WarningStatus, type HouseholdProfile, type ReadReason } from '@shouwang/contract';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { shortId } from '../format/id';
import { formatFen } from '../format/money';
import { translateKey } from '../i18n/dynamic';
import { parseReadReason } from '../search/query';
import { ReadReasonModal } from '../search/ReadReasonModal';
import { ProvenanceCard } from '../warnings/ProvenanceCard';
import { SituationTag, StatusTag } from '../warnings/tags';
import { fetchHouseholdProfile } from './households.api';
import { ProgrammeTag } from './ProgrammeTag';
import { EnrolmentsCard, MembershipsCard } from './RegistryFactCards';
import './households.css';

type Member = HouseholdProfile['members'][number];
type HouseholdWarning = HouseholdProfile['warnings'][number];
type Signal = HouseholdProfile['signals'][number];

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      className="household-back"
      onClick={() => void (location.key === 'default' ? navigate('/search') : navigate(-1))}
    >
      {t('household.back')}
    </Button>
  );
}

/** The contract types these as strings: a known value gets its tag, anything else is shown as sent. */
function SituationCell({ value }: { value: string }) {
  const parsed = Situation.safeParse(value);
  return parsed.success ? <SituationTag situation={parsed.data} /> : <Tag>{value}</Tag>;
}

function StatusCell({ value }: { value: string }) {
  const parsed = WarningStatus.safeParse(value);
  return parsed.success ? <StatusTag status={parsed.data} /> : <Tag>{value}</Tag>;
}

/** Nothing for a member still living in the household; a tag for one who has died or moved out. */
function MemberStatusTag({ status }: { status: Member['status'] }) {
  const { t } = useTranslation();
  if (status === 'active') return null;
  return (
    <Tag color={status === 'deceased' ? 'default' : 'orange'} data-testid="member-status" data-status={status}>
      {t(`memberStatus.${status}`)}
    </Tag>
  );
}

function Profile({ id, reason }: { id: string; reason: ReadReason }) {
  const { t } = useTranslation();
  const resource = useResource(`household:${id}:${reason}`, (signal) => fetchHouseholdProfile(id, reason, signal));
  const household = resource.data?.id === id ? resource.data : undefined;

  if (resource.error) {
    return (
      <div className="household-page">
        <BackButton />
        <Alert type="error" showIcon title={<ErrorText error={resource.error} />} data-testid="household-error" />
      </div>
    );
  }
  if (!household) {
    return (
      <div className="household-page">
        <BackButton />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }

  return (
    <div className="household-page" data-testid="household-profile" data-household-id={household.id}>
      <BackButton />
      <Card className="household-header">
        <Space wrap size={8} align="center">
          <Typography.Title level={4} className="household-title">
            {household.headName}
          </Typography.Title>
          <ProgrammeTag programme={household.programme} />
        </Space>
        <Typography.Text type="secondary" className="household-where">
          {household.districtName} · {household.subdistrictName} · {household.communityName}
        </Typography.Text>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          className="household-facts"
          items={[
            {
              key: 'income',
              label: t('household.annualIncome'),
              children: <span className="tabular">{formatFen(household.annualIncomeFen)}</span>,
            },
            { key: 'phone', label: t('household.phone'), children: <span className="tabular">{household.phone ?? '—'}</span> },
            { key: 'members', label: t('household.memberCount'), children: t('household.memberCountValue', { count: household.members.filter((m) => m.status === 'active').length }) },
            { key: 'address', label: t('household.address'), children: household.address, span: 'filled' },
          ]}
        />
        <Typography.Text type="secondary" className="household-audit" data-testid="household-reason" data-reason={reason}>
          <AuditOutlined /> {t('household.readFor', { reason: t(`readReason.${reason}`) })}
        </Typography.Text>
      </Card>

      <Card title={t('household.members')} data-testid="household-members">
        <Table<Member>
          size="small"
          rowKey="personId"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={household.members}
          locale={{ emptyText: t('household.noMembers') }}
          onRow={(member) =>
            ({ 'data-person-id': member.personId, 'data-status': member.status, className: member.status === 'active' ? undefined : 'household-member-gone' }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'name',
              title: t('household.name'),
              render: (_, member) => (
                <Space size={6} wrap>
                  <span>{member.name}</span>
                  <MemberStatusTag status={member.status} />
                </Space>
              ),
            },
            {
              key: 'residentId',
              title: t('household.residentId'),
              dataIndex: 'residentId',
              render: (value: string) => <span className="tabular">{value}</span>,
            },
            {
              key: 'relation',
              title: t('household.relation'),
              dataIndex: 'relation',
              render: (relation: string) => translateKey(t, 'relation', relation),
            },
            { key: 'sex', title: t('household.sex'), render: (_, member) => t(`sex.${member.sex}`) },
            { key: 'age', title: t('household.age'), dataIndex: 'age', align: 'right' },
          ]}
        />
      </Card>

      <MembershipsCard groups={household.groups} />
      <EnrolmentsCard programmes={household.programmes} />

      <Card title={t('household.warnings')} data-testid="household-warnings">
        <Table<HouseholdWarning>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          dataSource={household.warnings}
          locale={{ emptyText: t('household.noWarnings') }}
          onRow={(warning) => ({ 'data-warning-id': warning.id }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'situation',
              title: t('household.situation'),
              render: (_, warning) => (
                <Link to={`/warnings/${encodeURIComponent(warning.id)}`} data-testid="household-warning-link">
                  <SituationCell value={warning.situation} />
                </Link>
              ),
            },
            { key: 'status', title: t('household.status'), render: (_, warning) => <StatusCell value={warning.status} /> },
            {
              key: 'openedAt',
              title: t('household.openedAt'),
              render: (_, warning) => <span className="tabular">{formatTimestamp(warning.openedAt)}</span>,
            },
            {
              key: 'keyFigure',
              title: t('household.keyFigure'),
              align: 'right',
              render: (_, warning) => <span className="tabular">{formatFen(warning.keyFigureFen)}</span>,
            },
            {
              key: 'open',
              title: '',
              align: 'right',
              render: (_, warning) => <Link to={`/warnings/${encodeURIComponent(warning.id)}`}>{t('household.viewWarning')}</Link>,
            },
          ]}
        />
      </Card>

      <Card title={t('household.signals')} data-testid="household-signals">
        <Table<Signal>
          size="small"
          rowKey={(s) => `${s.batchId}|${s.rowNumber}|${s.kind}|${s.occurredOn}|${s.memberName}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          dataSource={household.signals}
          locale={{ emptyText: t('household.noSignals') }}
          columns={[
            { key: 'kind', title: t('household.signalKind'), render: (_, s) => translateKey(t, 'signal', s.kind) },
            { key: 'date', title: t('household.signalDate'), render: (_, s) => <span className="tabular">{s.occurredOn}</span> },
            {
              key: 'amount',
              title: t('household.signalAmount'),
              align: 'right',
              render: (_, s) => <span className="tabular">{formatFen(s.amountFen)}</span>,
            },
            { key: 'member', title: t('household.signalMember'), dataIndex: 'memberName' },
            { key: 'source', title: t('household.signalSource'), render: (_, s) => translateKey(t, 'source', s.sourceId) },
            {
              key: 'batch',
              title: t('household.signalBatch'),
              render: (_, s) => (
                <span className="tabular" title={`${s.batchId} · ${formatTimestamp(s.receivedAt)}`}>
                  {shortId(s.batchId)}
                </span>
              ),
            },
            { key: 'row', title: t('household.signalRow'), dataIndex: 'rowNumber', align: 'right' },
          ]}
        />
      </Card>

      <ProvenanceCard householdId={household.id} />
    </div>
  );
}

/** A household's full record. It is only loaded once the reader has said why (`?reason=`). */
export function HouseholdProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const reason = parseReadReason(params.get('reason'));

  if (reason) return <Profile id={id} reason={reason} />;

  return (
    <div className="household-page">
      <BackButton />
      <Card>
        <Typography.Paragraph type="secondary">{t('household.reasonRequired')}</Typography.Paragraph>
      </Card>
      <ReadReasonModal
        open
        onCancel={() => void (location.key === 'default' ? navigate('/search') : navigate(-1))}
        onConfirm={(chosen) => {
          const next = new URLSearchParams(params);
          next.set('reason', chosen);
          setParams(next, { replace: true });
        }}
      />
    </div>
  );
}
