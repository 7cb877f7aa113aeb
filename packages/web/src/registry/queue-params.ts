import type { QueueStatus } from './registry.api';

export const QUEUE_PAGE_SIZE = 20;

export interface QueueParams {
  status: QueueStatus;
  page: number;
}

/** `?status=closed&page=2`; anything unreadable falls back to the first page of open items. */
export function queueParams(params: URLSearchParams): QueueParams {
  const status = params.get('status') === 'closed' ? 'closed' : 'open';
  const page = Number(params.get('page'));
  return { status, page: Number.isInteger(page) && page > 0 ? page : 1 };
}
