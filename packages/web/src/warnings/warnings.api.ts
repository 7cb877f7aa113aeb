import { WarningDetail, WarningList, type Situation, type WarningStatus } from '@shouwang/contract';
import { request, withQuery } from '../api/client';

export interface WarningFilter {
  status?: WarningStatus | undefined;
  situation?: Situation | undefined;
  limit: number;
  offset: number;
}

export function fetchWarnings(filter: WarningFilter, signal?: AbortSignal): Promise<WarningList> {
  return request('GET', withQuery('/api/warnings', { ...filter }), { schema: WarningList, ...(signal ? { signal } : {}) });
}

export function fetchWarning(id: string, signal?: AbortSignal): Promise<WarningDetail> {
  return request('GET', `/api/warnings/${encodeURIComponent(id)}`, { schema: WarningDetail, ...(signal ? { signal } : {}) });
}

export function changeWarningStatus(id: string, status: WarningStatus): Promise<WarningDetail> {
  return request('POST', `/api/warnings/${encodeURIComponent(id)}/status`, { body: { status }, schema: WarningDetail });
}
