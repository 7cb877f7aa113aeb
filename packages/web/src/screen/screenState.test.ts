import type { ScreenSummary, ScreenWarning } from '@shouwang/contract';
import { describe, expect, it } from 'vitest';
import { initialScreenState, ROLLING_LIMIT, screenReducer } from './screenState';

function warning(id: string, openedAt: string, overrides: Partial<ScreenWarning> = {}): ScreenWarning {
  return {
    id,
    situation: 'illness',
    headName: '张*',
    address: '玄武区****',
    districtName: '玄武区',
    subdistrictName: '梅园新村街道',
    communityName: '长江路社区',
    keyFigureFen: 3_250_000,
    openedAt,
    ...overrides,
  };
}

function summary(recent: ScreenWarning[]): ScreenSummary {
  return {
    kpis: { persons: 100, households: 40, signalsToday: 5, warningsToday: 2, warningsOpen: 7 },
    byDistrict: [{ code: '320102', name: '玄武区', open: 7, today: 2 }],
    bySituation: [{ situation: 'illness', open: 7 }],
    recent,
  };
}

describe('screenReducer', () => {
  it('refreshes a warning on screen when its evidence is updated, without counting it again', () => {
    const start = screenReducer(initialScreenState, { kind: 'summary', summary: summary([warning('a', '2026-12-04T01:00:00Z')]) });
    const next = screenReducer(start, { kind: 'warning', change: 'updated', warning: warning('a', '2026-12-04T01:00:00Z', { keyFigureFen: 9 }) });
    expect(next.rolling[0]?.warning.keyFigureFen).toBe(9);
    expect(next.summary?.kpis.warningsOpen).toBe(7);
  });

  it('ignores an update to a warning that is not on screen', () => {
    const start = screenReducer(initialScreenState, { kind: 'summary', summary: summary([]) });
    expect(screenReducer(start, { kind: 'warning', change: 'updated', warning: warning('old', '2026-11-01T01:00:00Z') })).toBe(start);
  });

  it('puts a live warning on top, marked fresh, and counts it', () => {
    const start = screenReducer(initialScreenState, { kind: 'summary', summary: summary([warning('a', '2026-12-04T01:00:00Z')]) });
    const next = screenReducer(start, { kind: 'warning', change: 'opened', warning: warning('b', '2026-12-04T02:00:00Z', { situation: 'disability' }) });
    expect(next.rolling.map((item) => [item.warning.id, item.fresh])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(next.summary?.kpis.warningsOpen).toBe(8);
    expect(next.summary?.kpis.warningsToday).toBe(3);
    expect(next.summary?.byDistrict[0]?.open).toBe(8);
    expect(next.summary?.bySituation).toContainEqual({ situation: 'disability', open: 1 });
  });

  it('ignores a warning it already shows', () => {
    const start = screenReducer(initialScreenState, { kind: 'summary', summary: summary([warning('a', '2026-12-04T01:00:00Z')]) });
    expect(screenReducer(start, { kind: 'warning', change: 'opened', warning: warning('a', '2026-12-04T01:00:00Z') })).toBe(start);
  });

  it('keeps live items across a summary refresh, newest first, within the limit', () => {
    let state = screenReducer(initialScreenState, { kind: 'summary', summary: summary([]) });
    for (let i = 0; i < ROLLING_LIMIT + 5; i++) {
      state = screenReducer(state, { kind: 'warning', change: 'opened', warning: warning(`w${i}`, new Date(Date.UTC(2026, 11, 4, 0, i)).toISOString()) });
    }
    state = screenReducer(state, { kind: 'summary', summary: summary([warning('old', '2026-12-03T00:00:00Z')]) });
    expect(state.rolling).toHaveLength(ROLLING_LIMIT);
    expect(state.rolling[0]?.warning.id).toBe(`w${ROLLING_LIMIT + 4}`);
    expect(state.rolling.some((item) => item.warning.id === 'old')).toBe(false);
  });
});
