import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/databases.js';
import { bulkInsert } from './bulk.js';
import { migrateToLatest } from './migrate.js';

describe.each(DIALECTS)('bulk insert on %s', (dialect) => {
  let db: TestDb;
  beforeEach(async () => { db = await createTestDb(dialect); });
  afterEach(async () => db.dispose());

  it('writes every row exactly, including nulls, quotes, commas, new lines and Chinese text', async () => {
    const awkward = ['简单', 'with "quotes"', 'a,b', 'line\nbreak', '', 'back\\slash'];
    const n = await bulkInsert(db, 'app_setting', ['key', 'value'], awkward.map((value, i) => [`k${i}`, value]));
    expect(n).toBe(awkward.length);
    const stored = await db.kysely.selectFrom('app_setting').selectAll().orderBy('key').execute();
    expect(stored.map((r) => r.value)).toEqual(awkward);
  });

  it('keeps NULL distinct from the empty string', async () => {
    await bulkInsert(db, 'territory_unit', ['code', 'name', 'level', 'parent_code'], [['3201', '南京市', 'city', null], ['320102', '', 'district', '3201']]);
    const rows = await db.kysely.selectFrom('territory_unit').selectAll().orderBy('code').execute();
    expect(rows).toEqual([
      { code: '3201', name: '南京市', level: 'city', parent_code: null },
      { code: '320102', name: '', level: 'district', parent_code: '3201' },
    ]);
  });

  it('writes all rows or none when one of them breaks a constraint', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => [`k${i}`, 'v']);
    rows.push(['k7', 'duplicate key']);
    await expect(bulkInsert(db, 'app_setting', ['key', 'value'], rows)).rejects.toThrow();
    const count = await db.kysely.selectFrom('app_setting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a row with the wrong number of values', async () => {
    await expect(bulkInsert(db, 'app_setting', ['key', 'value'], [['only-key']])).rejects.toThrow(/1 values for 2 columns/);
  });

  it('runs migrations again without changing anything', async () => {
    await migrateToLatest(db);
    const tables = await db.kysely.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['household', 'person', 'warning', 'intake_batch', 'audit_log']));
  });
});
