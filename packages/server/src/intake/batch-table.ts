import type { SourceDefinition } from '@shouwang/domain';
import { headerScore } from './header-mapping.js';
import type { BatchRow } from './intake.repository.js';
import { openJsonTable } from './json-table.js';
import { openTable, type OpenTableResult } from './readers/index.js';

/** Where a received batch's file is and how it was delivered: enough to open it again, in any thread. */
export type BatchFile = Pick<BatchRow, 'stored_path' | 'format' | 'sheet'>;

/** Opens the stored file of a batch as a table of this source (JSON records, CSV or a workbook). */
export function openBatchTable(batch: BatchFile, source: SourceDefinition): Promise<OpenTableResult> {
  if (!batch.stored_path) return Promise.resolve({ ok: false, message: 'the delivered file is missing', messageZh: '找不到送达的文件' });
  if (batch.format === 'json') return openJsonTable(batch.stored_path, source);
  return openTable(batch.stored_path, { sheet: batch.sheet ?? undefined, expectedHeaders: (candidate) => headerScore(source, candidate) });
}
