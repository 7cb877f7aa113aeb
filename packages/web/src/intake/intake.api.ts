import { BatchList, BatchSummary, RejectList, SourceList } from '@shouwang/contract';
import { request, uploadForm, type Parsed } from '../api/client';

export type Source = Parsed<typeof SourceList>['items'][number];
export type RejectedRows = Parsed<typeof RejectList>;

export function fetchSources(signal?: AbortSignal) {
  return request('GET', '/api/intake/sources', { schema: SourceList, ...(signal ? { signal } : {}) });
}

export function fetchBatches(signal?: AbortSignal) {
  return request('GET', '/api/intake/batches', { schema: BatchList, ...(signal ? { signal } : {}) });
}

export function fetchRejects(batchId: string, signal?: AbortSignal) {
  return request('GET', `/api/intake/batches/${encodeURIComponent(batchId)}/rejects`, {
    schema: RejectList,
    ...(signal ? { signal } : {}),
  });
}

/** Sends one department file; the answer says whether it was applied or was a duplicate. */
export function uploadBatch(sourceId: string, file: File, onProgress: (percent: number) => void): Promise<BatchSummary> {
  const form = new FormData();
  form.append('source', sourceId);
  form.append('file', file, file.name);
  return uploadForm('/api/intake/batches', form, BatchSummary, onProgress);
}
