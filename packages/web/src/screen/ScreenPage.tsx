import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, theme } from 'antd';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { canSee, useMe } from '../auth/session';
import { formatNow } from '../format/datetime';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { districtOption, situationOption } from './charts';
import { EChart } from './EChart';
import { KpiTiles } from './KpiTiles';
import { RollingList } from './RollingList';
import { fetchScreenSummary } from './screen.api';
import { initialScreenState, screenReducer } from './screenState';
import { useScreenStream, type StreamState } from './useScreenStream';
import './screen.css';

const SUMMARY_REFRESH_MS = 30_000;

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <time className="screen-clock">{formatNow(now)}</time>;
}

function LiveIndicator({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  return (
    <span className={`screen-live screen-live--${state}`} data-testid="screen-live" data-state={state} role="status">
      <span className="screen-live-dot" aria-hidden />
      {t(state === 'live' ? 'screen.live' : 'screen.offline')}
    </span>
  );
}

/** 大屏: the command-centre view, dark and readable from across the room. */
export function ScreenPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(screenReducer, initialScreenState);
  const stream = useScreenStream((warning, change) => dispatch({ kind: 'warning', warning, change }));

  useEffect(() => {
    let controller = new AbortController();
    const refresh = () => {
      controller.abort();
      controller = new AbortController();
      const { signal } = controller;
      // A failed refresh keeps the last figures on screen; the next one tries again.
      fetchScreenSummary(signal).then(
        (summary) => dispatch({ kind: 'summary', summary }),
        () => undefined,
      );
    };
    refresh();
    const timer = setInterval(refresh, SUMMARY_REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);

  const summary = state.summary;
  // "Live" means the screen is current: the stream is connected and the first figures are in.
  const live: StreamState = stream === 'live' && summary !== null ? 'live' : 'offline';
  const byDistrict = useMemo(() => districtOption(t, summary?.byDistrict ?? []), [t, summary?.byDistrict]);
  const bySituation = useMemo(() => situationOption(t, summary?.bySituation ?? []), [t, summary?.bySituation]);

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div className="screen" data-testid="screen">
        <header className="screen-header">
          <div className="screen-header-side">
            <Clock />
          </div>
          <div className="screen-heading">
            <h1 className="screen-title">{t('screen.title')}</h1>
            <div className="screen-subtitle">{t('screen.subtitle')}</div>
          </div>
          <div className="screen-header-side screen-header-tools">
            <LiveIndicator state={live} />
            <LanguageSwitch />
            {canSee(me.role, 'worklist') && (
              <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/')}>
                {t('screen.back')}
              </Button>
            )}
          </div>
        </header>

        <KpiTiles kpis={summary?.kpis} />

        <main className="screen-body">
          <section className="screen-panel screen-panel--district">
            <h2 className="screen-panel-title">{t('screen.byDistrict')}</h2>
            <EChart option={byDistrict} className="screen-chart" label={t('screen.byDistrict')} />
          </section>
          <section className="screen-panel screen-panel--situation">
            <h2 className="screen-panel-title">{t('screen.bySituation')}</h2>
            <EChart option={bySituation} className="screen-chart" label={t('screen.bySituation')} />
          </section>
          <section className="screen-panel screen-panel--rolling">
            <h2 className="screen-panel-title">{t('screen.recent')}</h2>
            <RollingList items={state.rolling} />
          </section>
        </main>
      </div>
    </ConfigProvider>
  );
}
