import type { ScreenSummary, ScreenWarning } from '@shouwang/contract';

/** How many warnings the rolling list keeps. */
export const ROLLING_LIMIT = 30;

export interface RollingItem {
  warning: ScreenWarning;
  /** Arrived live (SSE) rather than with a summary: the list animates it in. */
  fresh: boolean;
}

export interface ScreenState {
  summary: ScreenSummary | null;
  rolling: RollingItem[];
}

/** `opened`: a new warning; `updated`: new evidence on one already open (already counted). */
export type StreamChange = 'opened' | 'updated';

export type ScreenAction =
  | { kind: 'summary'; summary: ScreenSummary }
  | { kind: 'warning'; warning: ScreenWarning; change: StreamChange };

export const initialScreenState: ScreenState = { summary: null, rolling: [] };

function newestFirst(a: RollingItem, b: RollingItem): number {
  return Date.parse(b.warning.openedAt) - Date.parse(a.warning.openedAt);
}

/** A summary replaces the figures; the rolling list keeps what it already shows (no re-animation). */
function withSummary(state: ScreenState, summary: ScreenSummary): ScreenState {
  const known = new Map(state.rolling.map((item) => [item.warning.id, item]));
  const merged = new Map<string, RollingItem>();
  for (const warning of summary.recent) merged.set(warning.id, known.get(warning.id) ?? { warning, fresh: false });
  for (const item of state.rolling) if (!merged.has(item.warning.id)) merged.set(item.warning.id, item);
  return { summary, rolling: [...merged.values()].sort(newestFirst).slice(0, ROLLING_LIMIT) };
}

/**
 * A live warning goes on top of the list, and the figures move at once; the next summary
 * (every 30 s) corrects them if the guess was off.
 */
function withWarning(state: ScreenState, warning: ScreenWarning, change: StreamChange): ScreenState {
  const shown = state.rolling.some((item) => item.warning.id === warning.id);
  if (change === 'updated') {
    // Fresh figures for a warning on screen; an update to an older one is not news.
    if (!shown) return state;
    return { ...state, rolling: state.rolling.map((item) => (item.warning.id === warning.id ? { ...item, warning } : item)) };
  }
  if (shown) return state;
  const rolling = [{ warning, fresh: true }, ...state.rolling].slice(0, ROLLING_LIMIT);
  const summary = state.summary && countIn(state.summary, warning);
  return { summary, rolling };
}

function countIn(summary: ScreenSummary, warning: ScreenWarning): ScreenSummary {
  const bySituation = summary.bySituation.some((s) => s.situation === warning.situation)
    ? summary.bySituation.map((s) => (s.situation === warning.situation ? { ...s, open: s.open + 1 } : s))
    : [...summary.bySituation, { situation: warning.situation, open: 1 }];
  return {
    ...summary,
    kpis: {
      ...summary.kpis,
      warningsToday: summary.kpis.warningsToday + 1,
      warningsOpen: summary.kpis.warningsOpen + 1,
    },
    byDistrict: summary.byDistrict.map((d) =>
      d.name === warning.districtName ? { ...d, open: d.open + 1, today: d.today + 1 } : d,
    ),
    bySituation,
  };
}

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenState {
  switch (action.kind) {
    case 'summary':
      return withSummary(state, action.summary);
    case 'warning':
      return withWarning(state, action.warning, action.change);
  }
}
