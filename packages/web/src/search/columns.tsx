import type { PersonHit } from '@shouwang/contract';
import { Badge, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { ProgrammeTag } from '../households/ProgrammeTag';
import { translateKey } from '../i18n/dynamic';

function Where({ hit }: { hit: PersonHit }) {
  return (
    <div>
      <div>{hit.communityName}</div>
      <Typography.Text type="secondary" className="search-secondary">
        {hit.subdistrictName} · {hit.districtName}
      </Typography.Text>
    </div>
  );
}

function OpenWarnings({ count }: { count: number }) {
  return <Badge count={count} showZero color={count > 0 ? '#cf1322' : '#bfbfbf'} data-open-warnings={count} />;
}

function MatchedBy({ hit, t }: { hit: PersonHit; t: TFunction }) {
  return <Tag data-matched-by={hit.matchedBy}>{t(`matchedBy.${hit.matchedBy}`)}</Tag>;
}

function sexAge(t: TFunction, hit: PersonHit): string {
  return t('search.sexAge', { sex: t(`sex.${hit.sex}`), age: hit.age });
}

export function wideColumns(t: TFunction): ColumnsType<PersonHit> {
  return [
    { key: 'name', title: t('search.name'), dataIndex: 'name', width: 100 },
    {
      key: 'residentId',
      title: t('search.residentId'),
      dataIndex: 'residentId',
      width: 190,
      render: (id: string) => <span className="tabular">{id}</span>,
    },
    {
      key: 'relation',
      title: t('search.relation'),
      dataIndex: 'relation',
      width: 90,
      render: (relation: string) => translateKey(t, 'relation', relation),
    },
    { key: 'sexAge', title: t('search.sexAgeTitle'), width: 90, render: (_, hit) => sexAge(t, hit) },
    { key: 'where', title: t('search.where'), width: 200, render: (_, hit) => <Where hit={hit} /> },
    { key: 'address', title: t('search.address'), dataIndex: 'address', ellipsis: true },
    { key: 'programme', title: t('search.programme'), width: 110, render: (_, hit) => <ProgrammeTag programme={hit.programme} /> },
    {
      key: 'openWarnings',
      title: t('search.openWarnings'),
      width: 100,
      align: 'center',
      render: (_, hit) => <OpenWarnings count={hit.openWarnings} />,
    },
    { key: 'matchedBy', title: t('search.matchedBy'), width: 120, render: (_, hit) => <MatchedBy hit={hit} t={t} /> },
  ];
}

/** Under 576px each person is a small card. */
export function compactColumns(t: TFunction): ColumnsType<PersonHit> {
  return [
    {
      key: 'person',
      title: t('search.title'),
      render: (_, hit) => (
        <div className="search-card">
          <div className="search-card-top">
            <Space size={6}>
              <Typography.Text strong>{hit.name}</Typography.Text>
              <Typography.Text type="secondary">
                {translateKey(t, 'relation', hit.relation)} · {sexAge(t, hit)}
              </Typography.Text>
            </Space>
            <OpenWarnings count={hit.openWarnings} />
          </div>
          <span className="tabular search-secondary">{hit.residentId}</span>
          <Typography.Text className="search-secondary">
            {hit.communityName} · {hit.subdistrictName} · {hit.districtName}
          </Typography.Text>
          <Typography.Text type="secondary" className="search-secondary" ellipsis>
            {hit.address}
          </Typography.Text>
          <Space size={4} wrap>
            <ProgrammeTag programme={hit.programme} />
            <MatchedBy hit={hit} t={t} />
          </Space>
        </div>
      ),
    },
  ];
}
