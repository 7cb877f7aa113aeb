import type { WarningDetail } from '@shouwang/contract';
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../format/money';
import { translateKey } from '../i18n/dynamic';

type Member = WarningDetail['household']['members'][number];

export function HouseholdCard({ warning }: { warning: WarningDetail }) {
  const { t } = useTranslation();
  const { household } = warning;
  return (
    <Card title={t('warning.household')} data-testid="warning-household">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'head', label: t('warning.head'), children: warning.headName },
          { key: 'phone', label: t('warning.phone'), children: household.phone ?? '—' },
          { key: 'address', label: t('warning.address'), children: warning.address, span: 'filled' },
          {
            key: 'members',
            label: t('warning.memberCount'),
            children: t('warning.memberCountValue', { count: household.memberCount }),
          },
          {
            key: 'income',
            label: t('warning.annualIncome'),
            children: <span className="tabular">{formatFen(household.annualIncomeFen)}</span>,
          },
        ]}
      />
      <Typography.Title level={5} className="explanation-section">
        {t('warning.members')}
      </Typography.Title>
      <Table<Member>
        size="small"
        rowKey="residentId"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={household.members}
        columns={[
          { key: 'name', title: t('warning.name'), dataIndex: 'name' },
          {
            key: 'residentId',
            title: t('warning.residentId'),
            dataIndex: 'residentId',
            render: (id: string) => <span className="tabular">{id}</span>,
          },
          {
            key: 'relation',
            title: t('warning.relation'),
            dataIndex: 'relation',
            render: (relation: string) => translateKey(t, 'relation', relation),
          },
          { key: 'sex', title: t('warning.sex'), render: (_, member) => t(`sex.${member.sex}`) },
          { key: 'age', title: t('warning.age'), dataIndex: 'age', align: 'right' },
        ]}
      />
    </Card>
  );
}
