import type { WarningSummary } from '@shouwang/contract';
import { Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatTimestamp } from '../format/datetime';
import { formatFen } from '../format/money';
import { SituationTag, StatusTag } from '../warnings/tags';

function Community({ warning }: { warning: WarningSummary }) {
  return (
    <div>
      <div>{warning.communityName}</div>
      <Typography.Text type="secondary" className="worklist-secondary">
        {warning.districtName} · {warning.subdistrictName}
      </Typography.Text>
    </div>
  );
}

export function wideColumns(t: TFunction): ColumnsType<WarningSummary> {
  return [
    {
      key: 'openedAt',
      title: t('worklist.openedAt'),
      dataIndex: 'openedAt',
      width: 150,
      render: (value: string) => <span className="tabular">{formatTimestamp(value)}</span>,
    },
    {
      key: 'situation',
      title: t('worklist.situation'),
      width: 110,
      render: (_, warning) => <SituationTag situation={warning.situation} />,
    },
    { key: 'head', title: t('worklist.head'), dataIndex: 'headName', width: 110 },
    { key: 'community', title: t('worklist.community'), width: 220, render: (_, warning) => <Community warning={warning} /> },
    { key: 'address', title: t('worklist.address'), dataIndex: 'address', ellipsis: true },
    {
      key: 'keyFigure',
      title: <Tooltip title={t('worklist.keyFigureHint')}>{t('worklist.keyFigure')}</Tooltip>,
      dataIndex: 'keyFigureFen',
      align: 'right',
      width: 150,
      render: (value: number | null) => <span className="tabular">{formatFen(value)}</span>,
    },
    {
      key: 'status',
      title: t('worklist.status'),
      width: 100,
      render: (_, warning) => <StatusTag status={warning.status} />,
    },
  ];
}

/** A phone shows one column: each warning as a small card. */
export function compactColumns(t: TFunction): ColumnsType<WarningSummary> {
  return [
    {
      key: 'warning',
      title: t('worklist.title'),
      render: (_, warning) => (
        <div className="worklist-card">
          <div className="worklist-card-top">
            <Typography.Text strong>{warning.headName}</Typography.Text>
            <Space size={4}>
              <SituationTag situation={warning.situation} />
              <StatusTag status={warning.status} />
            </Space>
          </div>
          <Community warning={warning} />
          <Typography.Text type="secondary" className="worklist-secondary" ellipsis>
            {warning.address}
          </Typography.Text>
          <div className="worklist-card-bottom">
            <span className="tabular">{formatTimestamp(warning.openedAt)}</span>
            <span className="tabular">
              {t('worklist.keyFigure')} {formatFen(warning.keyFigureFen)}
            </span>
          </div>
        </div>
      ),
    },
  ];
}
