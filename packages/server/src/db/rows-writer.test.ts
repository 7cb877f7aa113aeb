import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/databases.js';
import { RowsWriter } from './rows-writer.js';

const AWKWARD = ['', 'a,b', 'say "hi"', 'back\\slash', 'line\nbreak', '{braces}', 'NULL', '张建国 · 鼓楼区', "it's"];

describe.each(DIALECTS)('rows writer on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => { await db?.dispose(); db = undefined; });

  async function withBatch(): Promise<TestDb> {
    const created = await createTestDb(dialect);
    await created.kysely.insertInto('intake_batch').values({
      id: 'b1', source_id: 'medical-settlement', file_name: 'f.csv', file_sha256: 'x', encoding: 'utf-8', status: 'applied', refusal: null, refusal_zh: null,
      rows: 0, accepted: 0, rejected: 0, unchanged: 0, signals: 0, received_at: '2026-12-01T00:00:00.000Z', duplicate_of: null, submitted_by: null,
      format: 'csv', channel: 'cli', stored_path: null, total_rows: 1, checkpoint_row: 0, header_row: 1, idempotency_key: null, corrects_batch_id: null,
      completed_at: null, sheet: null, lease_owner: null, lease_until: null,
    }).execute();
    return created;
  }

  it('inserts every row exactly, across many statements, awkward text and all', async () => {
    db = await withBatch();
    const rows = Array.from({ length: 12_345 }, (_, i) => ({
      batch_id: 'b1', row_number: i + 2, column_name: AWKWARD[i % AWKWARD.length] as string, value_enc: `v${i}`,
      rule: 'required', reason: AWKWARD[(i + 3) % AWKWARD.length] as string, reason_zh: '必填', row_enc: `r${i}`,
    }));
    await db.kysely.transaction().execute((trx) => new RowsWriter(db as TestDb).insert(trx, 'intake_reject', rows));
    const stored = await db.kysely.selectFrom('intake_reject').select(['batch_id', 'row_number', 'column_name', 'value_enc', 'rule', 'reason', 'reason_zh', 'row_enc'])
      .orderBy('row_number').execute();
    expect(stored).toEqual(rows);
  });

  it('upserts: a newer row replaces the stored one, an older one changes nothing, nulls stay null', async () => {
    db = await withBatch();
    await db.kysely.insertInto('person').values(['p1', 'p2'].map((id) => ({
      id, id_hash: `h-${id}`, id_enc: 'x', id_masked: 'x', name: '王', name_initials: 'w', id_tail: '0011', sex: 'male' as const, birth_date: '1980-01-01',
      household_id: null, relation: '户主', created_at: '2026-12-01T00:00:00.000Z', status: 'active' as const, died_on: null, updated_at: null,
    }))).execute();
    const writer = new RowsWriter(db);
    const income = (person_id: string, annual_fen: number, period: string) => ({ person_id, source_id: 'income-tax', kind: 'wage' as const, annual_fen, period, updated_at: '2026-12-01T00:00:00.000Z' });
    await db.kysely.transaction().execute((trx) => writer.upsert(trx, 'person_income', [income('p1', 3_000_000, '2026-10'), income('p2', 9_007_199_254_740, '2026-10')], ['person_id', 'source_id'], { newerBy: 'period' }));
    await db.kysely.transaction().execute((trx) => writer.upsert(trx, 'person_income', [income('p1', 4_000_000, '2026-11'), income('p2', 1, '2026-09')], ['person_id', 'source_id'], { newerBy: 'period' }));
    const stored = await db.kysely.selectFrom('person_income').select(['person_id', 'annual_fen', 'period']).orderBy('person_id').execute();
    expect(stored).toEqual([
      { person_id: 'p1', annual_fen: 4_000_000, period: '2026-11' },
      { person_id: 'p2', annual_fen: 9_007_199_254_740, period: '2026-10' },
    ]);
  });

  it('writes nothing of a call whose rows break a constraint', async () => {
    db = await withBatch();
    const writer = new RowsWriter(db);
    const bad = [{ batch_id: 'b1', row_number: 2, column_name: 'c', value_enc: 'v', rule: 'r', reason: 'x', reason_zh: 'x', row_enc: 'r' }, { batch_id: 'no-such-batch', row_number: 3, column_name: 'c', value_enc: 'v', rule: 'r', reason: 'x', reason_zh: 'x', row_enc: 'r' }];
    await expect(db.kysely.transaction().execute((trx) => writer.insert(trx, 'intake_reject', bad))).rejects.toThrow();
    expect(await db.kysely.selectFrom('intake_reject').select('id').execute()).toEqual([]);
  });
});
