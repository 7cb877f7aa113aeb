import { useTranslation } from 'react-i18next';
import { formatShortTimestamp } from '../format/datetime';
import { formatFen } from '../format/money';
import { SITUATION_COLORS } from '../warnings/tags';
import type { RollingItem } from './screenState';

/** Newest warnings, masked; live arrivals slide in at the top. */
export function RollingList({ items }: { items: RollingItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <div className="screen-empty">{t('screen.noWarnings')}</div>;
  return (
    <ol className="screen-rolling">
      {items.map(({ warning, fresh }) => (
        <li
          key={warning.id}
          className={fresh ? 'screen-warning screen-warning--fresh' : 'screen-warning'}
          data-testid="screen-warning"
          data-warning-id={warning.id}
        >
          <span className="screen-warning-time">{formatShortTimestamp(warning.openedAt)}</span>
          <span
            className="screen-warning-situation"
            style={{ borderColor: SITUATION_COLORS[warning.situation], color: SITUATION_COLORS[warning.situation] }}
          >
            {t(`situation.${warning.situation}`)}
          </span>
          <span className="screen-warning-name">{warning.headName}</span>
          <span className="screen-warning-where">
            <span>
              {warning.districtName} · {warning.communityName}
            </span>
            <small>{warning.address}</small>
          </span>
          <span className="screen-warning-figure">{formatFen(warning.keyFigureFen)}</span>
        </li>
      ))}
    </ol>
  );
}
