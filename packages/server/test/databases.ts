import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite, type Db, type DialectName } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/** Every repository test runs on both: the embedded default and the production database. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb extends Db {
  /** Closes the connection and deletes the database. */
  dispose(): Promise<void>;
}

/** A fresh, migrated (to the newest migration, or to `upTo`), empty database of the given dialect. */
export async function createTestDb(dialect: DialectName, upTo?: string): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sw-test-'));
    const db = openSqlite(join(dir, 'test.sqlite'));
    await migrateToLatest(db, upTo);
    return { ...db, dispose: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `sw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 4);
  await migrateToLatest(db, upTo);
  return {
    ...db,
    dispose: async () => {
      await db.close();
      const drop = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
