import { sql, SqliteAdapter, type Expression, type Kysely, type SqlBool } from 'kysely';

/**
 * `column IN (values)` with the values bound as one parameter (a JSON array read by
 * `json_each` on SQLite, a text array on PostgreSQL): one short statement whatever the
 * number of values, instead of one statement with a placeholder per value for every few
 * hundred of them, each to be built, compiled and prepared.
 */
export function inTextList<DB>(db: Kysely<DB>, column: string, values: readonly string[]): Expression<SqlBool> {
  return db.getExecutor().adapter instanceof SqliteAdapter
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${values}::text[])`;
}

/** `column IN (values)` for integers, bound as one parameter like `inTextList`. */
export function inIntegerList<DB>(db: Kysely<DB>, column: string, values: readonly number[]): Expression<SqlBool> {
  return db.getExecutor().adapter instanceof SqliteAdapter
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${values}::bigint[])`;
}
