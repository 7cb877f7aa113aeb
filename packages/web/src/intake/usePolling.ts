import { useEffect, useEffectEvent } from 'react';

/** The monitor's refresh. */
export const REFRESH_MS = 30_000;
/** While a batch in view is being applied, its progress is worth following more closely. */
export const PENDING_REFRESH_MS = 3_000;
/**
 * The simulator delivers every few seconds; with its batches hidden, the latest 100 may hold
 * none of the others, so ask for the most the API gives.
 */
export const batchLimit = (hideFeed: boolean) => (hideFeed ? 500 : 100);

/**
 * Calls `tick` every `intervalMs` while the tab is visible, and once when it becomes visible
 * again; `null` stops.
 */
export function usePolling(tick: () => void, intervalMs: number | null): void {
  const onTick = useEffectEvent(tick);
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = window.setInterval(() => {
      if (!document.hidden) onTick();
    }, intervalMs);
    const onVisible = () => {
      if (!document.hidden) onTick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
}
