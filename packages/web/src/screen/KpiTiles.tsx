import type { ScreenSummary } from '@shouwang/contract';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/number';

type Kpi = keyof ScreenSummary['kpis'];
const KPIS: readonly Kpi[] = ['persons', 'households', 'signalsToday', 'warningsToday', 'warningsOpen'];

export function KpiTiles({ kpis }: { kpis: ScreenSummary['kpis'] | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="screen-kpis">
      {KPIS.map((kpi) => (
        <div key={kpi} className={`screen-kpi screen-kpi--${kpi}`} data-testid={`screen-kpi-${kpi}`}>
          <div className="screen-kpi-label">{t(`screen.${kpi}`)}</div>
          <div className="screen-kpi-value">{kpis ? formatCount(kpis[kpi]) : '—'}</div>
        </div>
      ))}
    </section>
  );
}
