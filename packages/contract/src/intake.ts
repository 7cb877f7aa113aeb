import { z } from 'zod';
import { IsoTimestamp } from './common.js';

/** `pending`: received and being applied (progress in checkpointRow of totalRows). */
export const BatchStatus = z.enum(['pending', 'applied', 'refused', 'duplicate']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BatchSummary = z.object({
  id: z.string(),
  sourceId: z.string(),
  fileName: z.string(),
  encoding: z.string(),
  status: BatchStatus,
  /** For a refused file: why, in words a data steward can act on. */
  refusal: z.string().nullable(),
  refusalZh: z.string().nullable(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  unchanged: z.number().int(),
  signals: z.number().int(),
  receivedAt: IsoTimestamp,
  /** The earlier identical batch, when this file had already been applied. */
  duplicateOf: z.string().nullable(),
  format: z.enum(['csv', 'xlsx', 'json']),
  channel: z.enum(['upload', 'api', 'cli', 'feed']),
  /** Data rows in the file, known once it has been read through; null before. */
  totalRows: z.number().int().nullable(),
  /** Rows up to this row number are applied. */
  checkpointRow: z.number().int(),
  /** The batch whose rejected rows this delivery corrects. */
  correctsBatchId: z.string().nullable(),
  completedAt: IsoTimestamp.nullable(),
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
  reasonZh: z.string(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const RejectList = z.object({ batchId: z.string(), items: z.array(RejectedRow) });

export const Source = z.object({
  id: z.string(),
  department: z.string(),
  name: z.string(),
  /** Canonical column headers, in order: what a template file has. */
  columns: z.array(z.string()),
  /** Days between expected deliveries. */
  cadenceDays: z.number().int(),
});
export type Source = z.infer<typeof Source>;
export const SourceList = z.object({ items: z.array(Source) });
export type SourceList = z.infer<typeof SourceList>;
export type BatchList = z.infer<typeof BatchList>;
export type RejectList = z.infer<typeof RejectList>;

/** The intake monitor: one line per source. */
export const SourceStatus = Source.extend({
  lastDeliveryAt: IsoTimestamp.nullable(),
  lastBatch: BatchSummary.nullable(),
  /** No delivery within the expected cadence (plus one day of grace). */
  overdue: z.boolean(),
  batches30d: z.number().int(),
  accepted30d: z.number().int(),
  rejected30d: z.number().int(),
  unchanged30d: z.number().int(),
});
export type SourceStatus = z.infer<typeof SourceStatus>;
export const SourceStatusList = z.object({ items: z.array(SourceStatus), asOf: IsoTimestamp });
export type SourceStatusList = z.infer<typeof SourceStatusList>;

export const BatchQuery = z.object({
  source: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
