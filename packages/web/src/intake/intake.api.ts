import { BatchList, BatchSummary, RejectList, SourceList, SourceStatusList } from '@shouwang/contract';
import { request, uploadForm, withQuery, type Parsed } from '../api/client';

export type Source = Parsed<typeof SourceList>['items'][number];
export type SourceStatus = Parsed<typeof SourceStatusList>['items'][number];
export type RejectedRows = Parsed<typeof RejectList>;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const batchPath = (id: string) => `/api/intake/batches/${encodeURIComponent(id)}`;

export function fetchSources(signal?: AbortSignal) {
  return request('GET', '/api/intake/sources', { schema: SourceList, ...withSignal(signal) });
}

/** The monitor: every source with its last delivery, freshness and 30-day totals. */
export function fetchSourceStatus(signal?: AbortSignal) {
  return request('GET', '/api/intake/sources/status', { schema: SourceStatusList, ...withSignal(signal) });
}

export interface BatchQuery {
  source?: string | undefined;
  limit?: number | undefined;
}

/** The newest batches first. */
export function fetchBatches(query: BatchQuery = {}, signal?: AbortSignal) {
  return request('GET', withQuery('/api/intake/batches', { source: query.source, limit: query.limit }), {
    schema: BatchList,
    ...withSignal(signal),
  });
}

export function fetchBatch(batchId: string, signal?: AbortSignal) {
  return request('GET', batchPath(batchId), { schema: BatchSummary, ...withSignal(signal) });
}

export function fetchRejects(batchId: string, signal?: AbortSignal) {
  return request('GET', `${batchPath(batchId)}/rejects`, { schema: RejectList, ...withSignal(signal) });
}

/** Same-origin, so a plain link downloads it: the session cookie goes along. */
export function rejectsWorkbookUrl(batchId: string): string {
  return `${batchPath(batchId)}/rejects.xlsx`;
}

export interface UploadFields {
  source: string;
  /** The worksheet of an .xlsx file; the first one when empty. */
  sheet?: string | undefined;
  /** The batch whose rejected rows this file corrects. */
  corrects?: string | undefined;
}

/**
 * Sends one department file without waiting for it to be applied: the answer (202) is the
 * batch in status `pending`; poll `fetchBatch` for its progress. A duplicate answers at once.
 * The fields go before the file: the server reads the multipart stream in order.
 */
export function uploadBatch(
  fields: UploadFields,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<BatchSummary> {
  const form = new FormData();
  form.append('source', fields.source);
  if (fields.sheet) form.append('sheet', fields.sheet);
  if (fields.corrects) form.append('corrects', fields.corrects);
  form.append('file', file, file.name);
  return uploadForm('/api/intake/batches?wait=false', form, BatchSummary, onProgress, signal);
}
