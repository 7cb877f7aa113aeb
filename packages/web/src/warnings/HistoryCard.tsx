import type { WarningDetail } from '@shouwang/contract';
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format/datetime';
import { translateKey } from '../i18n/dynamic';

export function HistoryCard({ history }: { history: WarningDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('warning.history')} data-testid="warning-history">
      <Timeline
        items={history.map((entry, index) => ({
          key: `${entry.at}-${index}`,
          title: <span className="tabular">{formatTimestamp(entry.at)}</span>,
          content: (
            <div>
              <div>{translateKey(t, 'history', entry.action)}</div>
              <Typography.Text type="secondary">
                {t('warning.historyBy', { by: entry.by ?? t('warning.system') })}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
