import type { BatchSummary } from '@shouwang/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiRequestError, type ApiRequestError } from '../api/client';
import { FINAL_STATUSES } from './freshness';
import { fetchBatch, uploadBatch, type UploadFields } from './intake.api';

export const POLL_MS = 700;
/** About 15 s of failed polls in a row before the page stops watching (the batch carries on). */
const MAX_POLL_FAILURES = 20;

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; size: number; percent: number }
  | { phase: 'applying'; batch: BatchSummary; size: number; trouble: boolean }
  | { phase: 'done'; batch: BatchSummary }
  /** `batch`: the refused batch (a refusal is recorded), or the one whose progress was lost. */
  | { phase: 'failed'; error: ApiRequestError; batch: BatchSummary | null; fileName: string };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** The batch a `file_refused` error names (`details: [{ field: 'batchId', message: <id> }]`). */
export function refusedBatchId(error: ApiRequestError): string | undefined {
  return error.details?.find((detail) => detail.field === 'batchId')?.message;
}

type Set = (state: UploadState) => void;

async function run(file: File, fields: UploadFields, signal: AbortSignal, set: Set): Promise<BatchSummary | null> {
  let batch: BatchSummary;
  try {
    batch = await uploadBatch(
      fields,
      file,
      (percent) => {
        if (!signal.aborted) set({ phase: 'uploading', fileName: file.name, size: file.size, percent });
      },
      signal,
    );
  } catch (failure) {
    if (signal.aborted || isAbort(failure)) return null;
    const error = toApiRequestError(failure);
    const refusedId = error.id === 'file_refused' ? refusedBatchId(error) : undefined;
    const refused = refusedId ? await fetchBatch(refusedId, signal).catch(() => null) : null;
    if (!signal.aborted) set({ phase: 'failed', error, batch: refused, fileName: file.name });
    return refused;
  }

  let failures = 0;
  while (!FINAL_STATUSES.has(batch.status)) {
    set({ phase: 'applying', batch, size: file.size, trouble: failures > 0 });
    await sleep(POLL_MS, signal);
    if (signal.aborted) return null;
    try {
      batch = await fetchBatch(batch.id, signal);
      failures = 0;
    } catch (failure) {
      if (signal.aborted || isAbort(failure)) return null;
      const error = toApiRequestError(failure);
      failures++;
      // A 4xx will not get better by asking again (a 401 has already gone to the login page).
      const hopeless = error.status >= 400 && error.status < 500;
      if (hopeless || failures >= MAX_POLL_FAILURES) {
        set({ phase: 'failed', error, batch, fileName: file.name });
        return batch;
      }
    }
  }
  set({ phase: 'done', batch });
  return batch;
}

/**
 * Uploads a file (progress in bytes sent), then follows its batch every 700 ms until it is
 * applied, refused or a duplicate. A new upload, or leaving the page, stops following the
 * previous one; the server carries on with it regardless.
 */
export function useBatchUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** `onSettled` gets the batch once it is final (or recorded as refused): time to reload lists. */
  const start = useCallback((file: File, fields: UploadFields, onSettled?: (batch: BatchSummary | null) => void) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ phase: 'uploading', fileName: file.name, size: file.size, percent: 0 });
    void run(file, fields, current.signal, setState).then((batch) => {
      if (!current.signal.aborted) onSettled?.(batch);
    });
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel };
}
