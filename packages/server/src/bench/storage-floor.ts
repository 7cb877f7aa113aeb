/**
 * The least time the intake's storing thread could take: the rows an intake run's batches
 * stored, one row per record, payload block, signal, reject and registry fact, written again
 * into an empty database of the same schema and dialect with the same multi-row statements and
 * transaction size, and nothing else: no reading, validating, hashing, looking up or
 * evaluating. The rows they refer to (territory, households, persons, batches) are copied
 * first and not timed. Each table is replayed on its own, batch after batch in stored order,
 * which is kinder to the page cache than the run itself, where a chunk's tables alternate; and
 * the few rows that name no batch (income figures, leads) are left out: a floor, not an estimate.
 */
import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { RowsWriter } from '../db/rows-writer.js';
import type { Database } from '../db/schema.js';

/** What intake writes row by row and marks with its batch, in the order a chunk writes them. */
const WRITTEN = ['intake_payload_block', 'intake_record', 'signal', 'intake_reject', 'group_membership', 'programme_enrolment', 'lead_evidence', 'data_quality_issue'] as const satisfies readonly (keyof Database)[];
/** What those rows refer to. */
const REFERRED = ['territory_unit', 'household', 'person', 'intake_batch'] as const satisfies readonly (keyof Database)[];

export interface StorageFloor { readonly seconds: number; readonly rows: number; readonly byTable: Readonly<Record<string, number>> }

/** Replays into `target` (empty; migrated here) what `batchIds` stored in `source`, timing only the writes. */
export async function storageFloor(source: Db, batchIds: readonly string[], target: Db, transactionRows: number): Promise<StorageFloor> {
  await migrateToLatest(target);
  const writer = new RowsWriter(target);
  const write = async (table: keyof Database & string, rows: readonly Record<string, unknown>[]): Promise<number> => {
    let seconds = 0;
    for (let i = 0; i < rows.length; i += transactionRows) {
      const slice = rows.slice(i, i + transactionRows);
      const started = performance.now();
      await target.kysely.transaction().execute((trx) => writer.insert(trx, table, slice as never));
      seconds += (performance.now() - started) / 1000;
    }
    return seconds;
  };
  for (const table of REFERRED) await write(table, await source.kysely.selectFrom(table).selectAll().execute());
  const byTable: Record<string, number> = {};
  let seconds = 0;
  let rows = 0;
  for (const table of WRITTEN) {
    let tableSeconds = 0;
    for (const batchId of batchIds) {
      const stored = await source.kysely.selectFrom(table).selectAll().where('batch_id', '=', batchId).execute();
      tableSeconds += await write(table, stored);
      rows += stored.length;
    }
    byTable[table] = Number(tableSeconds.toFixed(2));
    seconds += tableSeconds;
  }
  return { seconds, rows, byTable };
}
