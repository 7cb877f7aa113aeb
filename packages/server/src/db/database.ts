import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** A database handle: the query builder plus what the few dialect-specific paths need. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** The raw better-sqlite3 connection (SQLite) or pool (PostgreSQL), for bulk writes only. */
  readonly native: { kind: 'sqlite'; db: BetterSqlite3.Database } | { kind: 'postgres'; pool: pg.Pool };
  close(): Promise<void>;
}

/** PostgreSQL returns bigint and numeric as strings by default; our bigints are fen and counts. */
function pgTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, (v: string) => Number(v)); // int8
  types.setTypeParser(1700, (v: string) => Number(v)); // numeric (sum of bigint)
  return types;
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes() });
  // An idle connection closed by the server (restart, failover, admin) must not crash the
  // process: the pool drops it and opens a new one on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection closed: ${error.message}`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    native: { kind: 'postgres', pool },
    close: () => kysely.destroy(),
  };
}

export function openSqlite(file: string): Db {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Intake writes many index entries per row; the default 2 MB page cache makes them hit the
  // disk. 48 MB holds the hot index pages of a million-row delivery and keeps intake's peak
  // memory under its 512 MB budget (64 MB did not, with 50,000-row transactions).
  db.pragma('cache_size = -49152');
  db.pragma('temp_store = memory');
  // Checkpoint the write-ahead log into the database every 40 MB instead of every 4 MB: each
  // checkpoint syncs the disk, and pages that intake rewrites commit after commit are copied once.
  db.pragma('wal_autocheckpoint = 10000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
  return {
    kysely,
    dialect: 'sqlite',
    native: { kind: 'sqlite', db },
    close: () => kysely.destroy(),
  };
}

/** `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise the embedded file in the data folder. */
export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): Db {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
    }
    return openPostgres(options.databaseUrl);
  }
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(join(options.dataDir, 'shouwang.sqlite'));
}
