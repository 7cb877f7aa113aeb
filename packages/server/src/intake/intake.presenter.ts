import type { BatchSummary, RejectedRow } from '@shouwang/contract';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { Selectable } from 'kysely';
import type { IntakeRejectTable } from '../db/schema.js';
import type { BatchRow } from './intake.repository.js';

export function presentBatch(row: BatchRow): BatchSummary {
  return {
    id: row.id, sourceId: row.source_id, fileName: row.file_name, encoding: row.encoding, status: row.status, refusal: row.refusal, refusalZh: row.refusal_zh,
    rows: row.rows, accepted: row.accepted, rejected: row.rejected, unchanged: row.unchanged, signals: row.signals,
    receivedAt: row.received_at, duplicateOf: row.duplicate_of, format: row.format, channel: row.channel, totalRows: row.total_rows,
    checkpointRow: row.checkpoint_row, correctsBatchId: row.corrects_batch_id, completedAt: row.completed_at,
  };
}

/** Rejected rows go to the data steward who must fix them, so values are shown as sent. */
export function presentReject(row: Selectable<IntakeRejectTable>, keys: PersonalDataKeys): RejectedRow {
  return { rowNumber: row.row_number, column: row.column_name, value: keys.decrypt(row.value_enc), rule: row.rule, reason: row.reason, reasonZh: row.reason_zh };
}
