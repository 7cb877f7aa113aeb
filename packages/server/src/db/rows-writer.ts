import { sql, type Kysely, type Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Rows per INSERT … SELECT FROM unnest on PostgreSQL: one array per column, whatever the count. */
const PG_ROWS_PER_STATEMENT = 10_000;

type Row<T extends keyof Database> = { [K in keyof Database[T]]?: unknown };

/**
 * Many-row inserts inside a query-builder transaction, for the intake hot path. On SQLite the
 * transaction runs on the one better-sqlite3 connection, so cached prepared multi-row
 * statements on that connection are part of it (and skip the builder's per-call compile and
 * prepare). On PostgreSQL each column's values are bound as one array and the rows are read
 * back with `unnest`, on the transaction's connection: one short statement for thousands of
 * rows, where a VALUES list needed a placeholder per value, thousands of them to build, send,
 * parse and plan each time.
 */
export class RowsWriter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  /** PostgreSQL: each table's column types, to cast the bound arrays to. */
  private readonly types = new Map<string, Map<string, string>>();

  constructor(private readonly db: Db) {}

  private async columnTypes(trx: Transaction<Database> | Kysely<Database>, table: string): Promise<Map<string, string>> {
    let types = this.types.get(table);
    if (!types) {
      const found = await sql<{ column_name: string; udt_name: string }>`SELECT column_name, udt_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table}`.execute(trx);
      types = new Map(found.rows.map((r) => [r.column_name, r.udt_name]));
      this.types.set(table, types);
    }
    return types;
  }

  async insert<T extends keyof Database & string>(trx: Transaction<Database> | Kysely<Database>, table: T, rows: readonly Row<T>[]): Promise<void> {
    await this.write(trx, table, rows, null);
  }

  /**
   * Inserts rows, or where one with the same `conflict` columns exists, sets its other columns
   * from the new row — only when `newerBy` (if given) is not older than the stored one.
   */
  async upsert<T extends keyof Database & string>(
    trx: Transaction<Database> | Kysely<Database>, table: T, rows: readonly Row<T>[],
    conflict: readonly (keyof Database[T] & string)[], options: { newerBy?: keyof Database[T] & string } = {},
  ): Promise<void> {
    await this.write(trx, table, rows, { conflict, newerBy: options.newerBy });
  }

  private async write(
    trx: Transaction<Database> | Kysely<Database>, table: keyof Database & string, rows: readonly Row<keyof Database>[],
    upsert: { conflict: readonly string[]; newerBy: string | undefined } | null,
  ): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    const update = upsert ? columns.filter((c) => !upsert.conflict.includes(c)) : [];
    if (this.db.native.kind === 'postgres') {
      const types = await this.columnTypes(trx, table);
      const conflict = upsert
        ? sql` ON CONFLICT (${sql.join(upsert.conflict.map((c) => sql.ref(c)))}) DO UPDATE SET ${sql.join(update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}${
          upsert.newerBy ? sql` WHERE ${sql.table(table)}.${sql.ref(upsert.newerBy)} <= excluded.${sql.ref(upsert.newerBy)}` : sql``}`
        : sql``;
      for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
        const slice = rows.slice(i, i + PG_ROWS_PER_STATEMENT);
        const arrays = columns.map((c) => {
          const type = types.get(c);
          if (!type) throw new Error(`${table} has no column ${c}`);
          return sql`${slice.map((row) => (row as Record<string, unknown>)[c] ?? null)}::${sql.raw(type)}[]`;
        });
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)})${conflict}`.execute(trx);
      }
      return;
    }
    const native = this.db.native.db;
    const perStatement = Math.max(1, Math.floor(999 / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const slice = rows.slice(i, i + perStatement);
      const values: unknown[] = [];
      for (const row of slice) for (const c of columns) values.push((row as Record<string, unknown>)[c] ?? null);
      // Full slices reuse one cached statement; the shorter last slice of a call (any length) is prepared for that call only.
      const key = slice.length === perStatement ? `${table}|${columns.join(',')}|${upsert ? `${upsert.conflict.join(',')}|${upsert.newerBy ?? ''}` : ''}` : null;
      let statement = key ? this.statements.get(key) : undefined;
      if (!statement) {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        let text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(slice.length).fill(tuple).join(',')}`;
        if (upsert) {
          text += ` ON CONFLICT (${upsert.conflict.map((c) => `"${c}"`).join(',')}) DO UPDATE SET ${update.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
          if (upsert.newerBy) text += ` WHERE "${table}"."${upsert.newerBy}" <= excluded."${upsert.newerBy}"`;
        }
        statement = native.prepare(text);
        if (key) this.statements.set(key, statement);
      }
      statement.run(values);
    }
  }

  /**
   * Sets columns of many rows, each found by `key` (one row may set different values than the
   * next). SQLite runs one cached prepared UPDATE per row on the transaction's connection;
   * PostgreSQL one UPDATE … FROM (VALUES …) per slice, with `types` as the casts of the values.
   */
  async updateMany<T extends keyof Database & string>(
    trx: Transaction<Database> | Kysely<Database>, table: T, key: keyof Database[T] & string,
    types: Partial<Record<keyof Database[T] & string, 'text' | 'integer' | 'bigint'>>, rows: readonly Row<T>[],
  ): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first).filter((c) => c !== key);
    if (this.db.native.kind === 'postgres') {
      const perStatement = Math.max(1, Math.floor(30_000 / (columns.length + 1)));
      for (let i = 0; i < rows.length; i += perStatement) {
        const slice = rows.slice(i, i + perStatement);
        const tuples = slice.map((row) => sql`(${sql.join([key, ...columns].map((c) => sql`${(row as Record<string, unknown>)[c] ?? null}::${sql.raw((types as Record<string, string>)[c] ?? 'text')}`))})`);
        await sql`UPDATE ${sql.table(table)} SET ${sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}
          FROM (VALUES ${sql.join(tuples)}) AS v(${sql.join([key, ...columns].map((c) => sql.ref(c)))})
          WHERE ${sql.table(table)}.${sql.ref(key)} = v.${sql.ref(key)}`.execute(trx);
      }
      return;
    }
    const cacheKey = `update|${table}|${key}|${columns.join(',')}`;
    let statement = this.statements.get(cacheKey);
    if (!statement) {
      statement = this.db.native.db.prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE "${key}" = ?`);
      this.statements.set(cacheKey, statement);
    }
    for (const row of rows) {
      const r = row as Record<string, unknown>;
      statement.run([...columns.map((c) => r[c] ?? null), r[key]]);
    }
  }
}
