import type { Kysely, Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type Row<T extends keyof Database> = { [K in keyof Database[T]]?: unknown };

/**
 * Many-row inserts inside a query-builder transaction, for the intake hot path. On SQLite the
 * transaction runs on the one better-sqlite3 connection, so cached prepared multi-row
 * statements on that connection are part of it (and skip the builder's per-call compile and
 * prepare). On PostgreSQL the rows go through the builder on the transaction's connection.
 */
export class RowsWriter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: Db) {}

  async insert<T extends keyof Database & string>(trx: Transaction<Database> | Kysely<Database>, table: T, rows: readonly Row<T>[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    if (this.db.native.kind === 'postgres') {
      const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
      for (let i = 0; i < rows.length; i += perStatement) {
        await trx.insertInto(table).values(rows.slice(i, i + perStatement) as never).execute();
      }
      return;
    }
    const native = this.db.native.db;
    const perStatement = Math.max(1, Math.floor(999 / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const slice = rows.slice(i, i + perStatement);
      const values: unknown[] = [];
      for (const row of slice) for (const c of columns) values.push((row as Record<string, unknown>)[c] ?? null);
      this.statement(native, table, columns, slice.length).run(values);
    }
  }

  private statement(native: BetterSqlite3.Database, table: string, columns: readonly string[], count: number): BetterSqlite3.Statement {
    const key = `${table}|${columns.join(',')}|${count}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      statement = native.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(count).fill(tuple).join(',')}`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
