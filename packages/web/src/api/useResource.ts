import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiRequestError, toApiRequestError } from './client';

interface Loaded<T> {
  /** Which request produced this state; a different key means a newer request is running. */
  key: string | null;
  data: T | undefined;
  error: ApiRequestError | undefined;
}

export interface Resource<T> {
  /** The latest data; kept while a newer request runs, so tables do not flash empty. */
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the data in place, e.g. with the answer of a POST. */
  replace: (data: T) => void;
}

/**
 * Loads `load()` whenever `key` changes (and on `reload()`), aborting the previous request.
 * `key` must describe everything `load` depends on.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ key: null, data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);
  const requestKey = `${key}#${generation}`;
  const run = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => setState({ key: requestKey, data, error: undefined }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ key: requestKey, data: previous.data, error: toApiRequestError(error) }));
      },
    );
    return () => controller.abort();
  }, [requestKey]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => setState((previous) => ({ ...previous, data, error: undefined })), []);

  const current = state.key === requestKey;
  return { data: state.data, error: current ? state.error : undefined, loading: !current, reload, replace };
}
