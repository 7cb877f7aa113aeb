import type { SetURLSearchParams } from 'react-router-dom';

/** Sets (or, for null and '', removes) URL query parameters in place, without a history entry. */
export function updateSearchParams(setParams: SetURLSearchParams, change: Record<string, string | null>): void {
  setParams(
    (previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(change)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      return next;
    },
    { replace: true },
  );
}
