import { SCREEN_STREAM_EVENT, ScreenWarning } from '@shouwang/contract';
import { useEffect, useEffectEvent, useState } from 'react';
import type { StreamChange } from './screenState';
import { SCREEN_STREAM_URL } from './screen.api';

export type StreamState = 'live' | 'offline';

/** After the server refused the stream (EventSource gives up on a non-200), try again after this. */
const RETRY_AFTER_CLOSE_MS = 10_000;

/**
 * Live warnings from `/api/screen/stream`. EventSource reconnects by itself after a dropped
 * connection; only a refused one (closed for good) is retried by hand.
 */
/**
 * The server adds `change: 'opened' | 'updated'` to each event, beyond the contract's
 * ScreenWarning; without it an event counts as a new warning.
 */
function changeOf(data: unknown): StreamChange {
  return typeof data === 'object' && data !== null && 'change' in data && data.change === 'updated' ? 'updated' : 'opened';
}

export function useScreenStream(onWarning: (warning: ScreenWarning, change: StreamChange) => void): StreamState {
  const [state, setState] = useState<StreamState>('offline');
  const deliver = useEffectEvent(onWarning);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      source = new EventSource(SCREEN_STREAM_URL);
      source.onopen = () => setState('live');
      source.onerror = () => {
        setState('offline');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, RETRY_AFTER_CLOSE_MS);
        }
      };
      source.addEventListener(SCREEN_STREAM_EVENT, (event: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        const warning = ScreenWarning.safeParse(data);
        if (warning.success) deliver(warning.data, changeOf(data));
      });
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  return state;
}
