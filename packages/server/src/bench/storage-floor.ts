/**
 * The least time the intake's storing thread could take on SQLite: the rows an intake run
 * added, one row per record, signal, reject and registry fact, written again into an empty
 * database of the same schema with the same multi-row statements and transaction size, and
 * nothing else: no reading, validating, hashing, looking up or evaluating. The rows they refer
 * to (territory, households, persons, batches) are copied first and not timed. Each table is
 * replayed on its own, in the order its rows were written, which is kinder to the page cache
 * than the run itself, where a chunk's tables alternate: a floor, not an estimate.
 */
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { RowsWriter } from '../db/rows-writer.js';
import type { Database } from '../db/schema.js';

/** What intake writes row by row, in the order a chunk writes them. */
const WRITTEN = ['intake_payload_block', 'intake_record', 'signal', 'intake_reject', 'group_membership', 'programme_enrolment', 'person_income', 'lead', 'lead_evidence', 'data_quality_issue'] as const satisfies readonly (keyof Database)[];
/** What those rows refer to. */
const REFERRED = ['territory_unit', 'household', 'person', 'intake_batch'] as const satisfies readonly (keyof Database)[];

/** The last rowid of each table intake writes, taken before the run: the floor replays only what the run added. */
export function rowMarks(source: BetterSqlite3.Database): Record<string, number> {
  return Object.fromEntries(WRITTEN.map((table) => [table, Number((source.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM "${table}"`).get() as { n: number }).n)]));
}

export interface StorageFloor { readonly seconds: number; readonly rows: number; readonly byTable: Readonly<Record<string, number>> }

export async function storageFloor(source: BetterSqlite3.Database, marks: Readonly<Record<string, number>>, dir: string, transactionRows: number): Promise<StorageFloor> {
  const db = openSqlite(join(dir, 'storage-floor.sqlite'));
  try {
    await migrateToLatest(db);
    const writer = new RowsWriter(db);
    const copy = async (table: keyof Database & string): Promise<{ seconds: number; rows: number }> => {
      let seconds = 0;
      let rows = 0;
      const read = source.prepare(`SELECT rowid AS "__rowid", * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
      for (let after = marks[table] ?? 0; ;) {
        const slice = read.all(after, transactionRows) as Record<string, unknown>[];
        const last = slice.at(-1);
        if (!last) break;
        after = Number(last.__rowid);
        for (const row of slice) delete row.__rowid;
        const started = performance.now();
        await db.kysely.transaction().execute((trx) => writer.insert(trx, table, slice as never));
        seconds += (performance.now() - started) / 1000;
        rows += slice.length;
      }
      return { seconds, rows };
    };
    for (const table of REFERRED) await copy(table);
    const byTable: Record<string, number> = {};
    let seconds = 0;
    let rows = 0;
    for (const table of WRITTEN) {
      const done = await copy(table);
      byTable[table] = Number(done.seconds.toFixed(2));
      seconds += done.seconds;
      rows += done.rows;
    }
    return { seconds, rows, byTable };
  } finally {
    await db.close();
  }
}
