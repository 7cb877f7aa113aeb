import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/databases.js';
import { migrateToLatest } from '../db/migrate.js';
import type { IntakeRecordTable } from '../db/schema.js';
import { IntakeRepository, type BatchRow } from './intake.repository.js';
import { recordKeyHash, subjectKey } from './record-key-hash.js';

const BATCH: BatchRow = {
  id: 'b1', source_id: 'medical-settlement', file_name: 'f.csv', file_sha256: 'x', encoding: 'utf-8', status: 'applied', refusal: null, refusal_zh: null,
  rows: 0, accepted: 0, rejected: 0, unchanged: 0, signals: 0, received_at: '2026-12-01T00:00:00.000Z', duplicate_of: null, submitted_by: null,
  format: 'csv', channel: 'cli', stored_path: null, total_rows: 1, checkpoint_row: 0, header_row: 1, idempotency_key: null, corrects_batch_id: null,
  completed_at: null, sheet: null, lease_owner: null, lease_until: null,
};

/** A record row as stored before the key hashes and payload blocks (the tests add the hashes where they need them). */
function record(key: string, overrides: Partial<IntakeRecordTable> = {}): Omit<IntakeRecordTable, 'key_hash' | 'subject_key' | 'payload_block' | 'payload_index'> {
  return {
    source_id: 'medical-settlement', record_key: key, version: 1, content_hash: `h-${key}`, is_current: 1, batch_id: 'b1', row_number: 2,
    person_id: null, payload_enc: 'v1.x.y.z', source_version: 1, received_at: BATCH.received_at, ...overrides,
  };
}

describe.each(DIALECTS)('intake records on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => { await db?.dispose(); db = undefined; });

  it('finds a current record by its key hash, and not another record that shares the hash', async () => {
    db = await createTestDb(dialect);
    const intake = new IntakeRepository(db.kysely);
    await intake.insertBatch(BATCH);
    const hash = recordKeyHash('medical-settlement', 'S-1');
    await db.kysely.insertInto('intake_record').values([
      { ...record('S-1'), key_hash: hash, subject_key: null },
      // A different key (and another source's same key) stored under the same hash, as a collision would.
      { ...record('S-2', { content_hash: 'other' }), key_hash: hash, subject_key: null },
      { ...record('S-1', { source_id: 'hospitalisation', content_hash: 'elsewhere' }), key_hash: hash, subject_key: null },
      { ...record('S-3', { is_current: 0 }), key_hash: recordKeyHash('medical-settlement', 'S-3'), subject_key: null },
    ]).execute();

    const found = await intake.currentRecords('medical-settlement', [{ key: 'S-1', keyHash: hash }, { key: 'S-3', keyHash: recordKeyHash('medical-settlement', 'S-3') }]);
    expect([...found.keys()]).toEqual(['S-1']);
    expect(found.get('S-1')?.content_hash).toBe('h-S-1');

    await intake.retireVersions('medical-settlement', [{ key: 'S-1', keyHash: hash }]);
    const rows = await db.kysely.selectFrom('intake_record').select(['source_id', 'record_key', 'is_current']).orderBy('source_id').orderBy('record_key').execute();
    expect(rows).toEqual([
      { source_id: 'hospitalisation', record_key: 'S-1', is_current: 1 },
      { source_id: 'medical-settlement', record_key: 'S-1', is_current: 0 },
      { source_id: 'medical-settlement', record_key: 'S-2', is_current: 1 },
      { source_id: 'medical-settlement', record_key: 'S-3', is_current: 0 },
    ]);
  });

  it('gives records and signals stored before the key-hash migration their hash, so they are still found', async () => {
    db = await createTestDb(dialect, '0004-registry-from-feeds');
    const intake = new IntakeRepository(db.kysely);
    await intake.insertBatch(BATCH);
    const idHash = 'Q2hlbi1MaS1oYXNoLW9mLWFuLWlk';
    await db.kysely.insertInto('person').values({
      id: 'p1', id_hash: idHash, id_enc: 'v1.x.y.z', id_masked: '3201**********0011', name: '陈丽', sex: 'F', birth_date: '1980-01-01',
      household_id: null, relation: '户主', created_at: BATCH.received_at,
    } as never).execute();
    await db.kysely.insertInto('intake_record').values([record('S-1', { person_id: 'p1' }), record('S-1', { version: 2, content_hash: 'newer', person_id: 'p1' }), record('S-2')] as never).execute();
    await db.kysely.insertInto('signal').values({
      id: 'sig-1', kind: 'medical_expense', household_id: null, person_id: null, occurred_on: '2026-11-30', amount_fen: 100, source_id: 'medical-settlement',
      record_key: 'S-1', record_version: 2, batch_id: 'b1', row_number: 2, superseded: 0, created_at: BATCH.received_at,
    } as never).execute();

    await migrateToLatest(db);

    const records = await db.kysely.selectFrom('intake_record').select(['record_key', 'version', 'key_hash', 'subject_key']).orderBy('record_key').orderBy('version').execute();
    // The person's records get the key of the person's ID hash; a record linked to nobody has none.
    expect(records).toEqual([
      { record_key: 'S-1', version: 1, key_hash: recordKeyHash('medical-settlement', 'S-1'), subject_key: subjectKey(idHash) },
      { record_key: 'S-1', version: 2, key_hash: recordKeyHash('medical-settlement', 'S-1'), subject_key: subjectKey(idHash) },
      { record_key: 'S-2', version: 1, key_hash: recordKeyHash('medical-settlement', 'S-2'), subject_key: null },
    ]);
    const signal = await db.kysely.selectFrom('signal').select('key_hash').executeTakeFirstOrThrow();
    expect(signal.key_hash).toBe(recordKeyHash('medical-settlement', 'S-1'));
    const found = await intake.currentRecords('medical-settlement', [{ key: 'S-2', keyHash: recordKeyHash('medical-settlement', 'S-2') }]);
    expect(found.get('S-2')?.version).toBe(1);
  });
});
