import { z } from 'zod';
import { IsoTimestamp } from './common.js';

export const BatchStatus = z.enum(['applied', 'refused', 'duplicate']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BatchSummary = z.object({
  id: z.string(),
  sourceId: z.string(),
  fileName: z.string(),
  encoding: z.string(),
  status: BatchStatus,
  /** For a refused file: why, in words a data steward can act on. */
  refusal: z.string().nullable(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  unchanged: z.number().int(),
  signals: z.number().int(),
  receivedAt: IsoTimestamp,
  /** The earlier identical batch, when this file had already been applied. */
  duplicateOf: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const BatchList = z.object({ items: z.array(BatchSummary) });

export const RejectedRow = z.object({
  rowNumber: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** Stable id of the rule the row broke, e.g. `resident_id.check_digit`. */
  rule: z.string(),
  reason: z.string(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const RejectList = z.object({ batchId: z.string(), items: z.array(RejectedRow) });

export const Source = z.object({ id: z.string(), department: z.string(), name: z.string(), columns: z.array(z.string()) });
export const SourceList = z.object({ items: z.array(Source) });
