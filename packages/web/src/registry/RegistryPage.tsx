import { ArrowRightOutlined } from '@ant-design/icons';
import type { RegistryOverview } from '@shouwang/contract';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { canSee, useMe } from '../auth/session';
import { formatFen } from '../format/money';
import { formatCount } from '../format/number';
import { GroupsCard } from './GroupsCard';
import { ProgrammeKindTag } from './ProgrammeKindTag';
import { fetchOverview } from './registry.api';
import './registry.css';

type ProgrammeCount = RegistryOverview['programmes'][number];

function Kpi({ id, title, value, link }: { id: string; title: string; value: number | undefined; link?: { to: string; label: string } }) {
  return (
    <Card size="small" className="registry-kpi" data-testid={`registry-kpi-${id}`}>
      <Statistic title={title} value={value === undefined ? '—' : formatCount(value)} />
      {link && (
        <Link to={link.to} className="registry-kpi-link" data-testid={`registry-kpi-${id}-link`}>
          {link.label} <ArrowRightOutlined />
        </Link>
      )}
    </Card>
  );
}

function ProgrammesCard({ programmes }: { programmes: readonly ProgrammeCount[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('registry.programmes')} data-testid="registry-programmes">
      <Table<ProgrammeCount>
        size="small"
        rowKey="programme"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...programmes]}
        columns={[
          { key: 'programme', title: t('registry.programme'), render: (_, p) => <ProgrammeKindTag programme={p.programme} /> },
          { key: 'households', title: t('registry.programmeHouseholds'), align: 'right', render: (_, p) => <span className="tabular">{formatCount(p.households)}</span> },
          { key: 'persons', title: t('registry.programmePersons'), align: 'right', render: (_, p) => <span className="tabular">{formatCount(p.persons)}</span> },
          {
            key: 'amount',
            title: <Tooltip title={t('registry.monthlyAmountHint')}>{t('registry.monthlyAmount')}</Tooltip>,
            align: 'right',
            render: (_, p) => <span className="tabular">{formatFen(p.monthlyAmountFen)}</span>,
          },
        ]}
      />
    </Card>
  );
}

/** /registry — 困难群众库: the database at a glance, inside the reader's territory. */
export function RegistryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const overview = useResource('registry-overview', fetchOverview);
  const data = overview.data;
  const reviews = canSee(me.role, 'registryReview');

  const kpis: ReactNode[] = [
    <Kpi key="persons" id="persons" title={t('registry.persons')} value={data?.persons} />,
    <Kpi key="households" id="households" title={t('registry.households')} value={data?.households} />,
  ];
  if (reviews) {
    kpis.push(
      <Kpi key="issues" id="issues" title={t('registry.openIssues')} value={data?.openIssues} link={{ to: '/registry/issues', label: t('registry.goHandle') }} />,
      <Kpi key="leads" id="leads" title={t('registry.openLeads')} value={data?.openLeads} link={{ to: '/registry/leads', label: t('registry.goHandle') }} />,
    );
  }

  return (
    <Space orientation="vertical" size={16} className="registry" data-testid="registry-page">
      <div>
        <Typography.Title level={4} className="registry-title">{t('registry.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('registry.subtitle')}</Typography.Text>
      </div>
      {overview.error && <Alert type="error" showIcon title={<ErrorText error={overview.error} />} />}
      <Row gutter={[16, 16]}>
        {kpis.map((kpi, i) => (
          <Col key={i} xs={12} lg={24 / kpis.length}>
            {kpi}
          </Col>
        ))}
      </Row>
      {data ? (
        <>
          <ProgrammesCard programmes={data.programmes} />
          <GroupsCard groups={data.groups} />
        </>
      ) : (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
    </Space>
  );
}
