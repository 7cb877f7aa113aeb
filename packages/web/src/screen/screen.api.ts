import { ScreenSummary } from '@shouwang/contract';
import { request } from '../api/client';

export const SCREEN_STREAM_URL = '/api/screen/stream';

export function fetchScreenSummary(signal?: AbortSignal): Promise<ScreenSummary> {
  return request('GET', '/api/screen/summary', { schema: ScreenSummary, ...(signal ? { signal } : {}) });
}
