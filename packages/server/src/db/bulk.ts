import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export type BulkValue = string | number | null;

/**
 * Bulk insert that bypasses the query builder, for loads of many rows: prepared multi-row
 * INSERTs in one transaction on SQLite, COPY FROM STDIN on PostgreSQL. All rows are
 * written or none.
 */
export async function bulkInsert<T extends keyof Database & string>(
  db: Db,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: Iterable<readonly BulkValue[]>,
): Promise<number> {
  switch (db.native.kind) {
    case 'sqlite':
      return sqliteInsert(db.native.db, table, columns, rows);
    case 'postgres':
      return postgresCopy(db.native.pool, table, columns, rows);
  }
}

const SQLITE_ROWS_PER_STATEMENT = 200;

function sqliteInsert(
  native: Extract<Db['native'], { kind: 'sqlite' }>['db'],
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly BulkValue[]>,
): number {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  const full = native.prepare(head + Array(SQLITE_ROWS_PER_STATEMENT).fill(tuple).join(','));
  let count = 0;
  native.transaction(() => {
    let chunk: BulkValue[] = [];
    let chunkRows = 0;
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`bulkInsert into ${table}: row has ${row.length} values for ${columns.length} columns`);
      chunk.push(...row);
      chunkRows++;
      if (chunkRows === SQLITE_ROWS_PER_STATEMENT) {
        full.run(chunk);
        count += chunkRows;
        chunk = [];
        chunkRows = 0;
      }
    }
    if (chunkRows > 0) {
      native.prepare(head + Array(chunkRows).fill(tuple).join(',')).run(chunk);
      count += chunkRows;
    }
  })();
  return count;
}

/** CSV for COPY: NULL is an unquoted empty field, every other value is quoted. */
function csvLine(row: readonly BulkValue[]): string {
  return row.map((v) => (v === null ? '' : `"${String(v).replaceAll('"', '""')}"`)).join(',') + '\n';
}

async function postgresCopy(
  pool: Extract<Db['native'], { kind: 'postgres' }>['pool'],
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly BulkValue[]>,
): Promise<number> {
  const client = await pool.connect();
  let count = 0;
  try {
    await client.query('BEGIN');
    const copy = client.query(copyStreams.from(
      `COPY "${table}" (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN WITH (FORMAT csv)`,
    ));
    function* lines(): Generator<string> {
      for (const row of rows) {
        if (row.length !== columns.length) throw new Error(`bulkInsert into ${table}: row has ${row.length} values for ${columns.length} columns`);
        count++;
        yield csvLine(row);
      }
    }
    await pipeline(Readable.from(lines()), copy);
    await client.query('COMMIT');
    return count;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
