import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/databases.js';
import { migrateToLatest } from '../db/migrate.js';
import type { IntakeRecordTable } from '../db/schema.js';
import { ephemeralKeys } from '../identity/keys.js';
import { IntakeRepository, type BatchRow } from './intake.repository.js';
import { openPayload, PAYLOADS_PER_BLOCK, sealPayloads } from './payload-blocks.js';

const BATCH: BatchRow = {
  id: 'b1', source_id: 'medical-settlement', file_name: 'f.csv', file_sha256: 'x', encoding: 'utf-8', status: 'applied', refusal: null, refusal_zh: null,
  rows: 0, accepted: 0, rejected: 0, unchanged: 0, signals: 0, received_at: '2026-12-01T00:00:00.000Z', duplicate_of: null, submitted_by: null,
  format: 'csv', channel: 'cli', stored_path: null, total_rows: 1, checkpoint_row: 0, header_row: 1, idempotency_key: null, corrects_batch_id: null,
  completed_at: null, sheet: null, lease_owner: null, lease_until: null,
};

function record(n: number): IntakeRecordTable {
  return {
    source_id: 'medical-settlement', record_key: `S-${n}`, version: 1, content_hash: `h-${n}`, is_current: 1, batch_id: 'b1', row_number: n + 2,
    person_id: null, payload_enc: null, source_version: 1, received_at: BATCH.received_at, key_hash: n, subject_key: null, payload_block: null, payload_index: null,
  };
}

describe.each(DIALECTS)('record payloads on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => { await db?.dispose(); db = undefined; });

  it('seals a chunk\'s payloads in blocks, and opens each record\'s own from its block', async () => {
    db = await createTestDb(dialect);
    const keys = ephemeralKeys();
    await new IntakeRepository(db.kysely).insertBatch(BATCH);
    const count = 2 * PAYLOADS_PER_BLOCK + 3;
    const records = Array.from({ length: count }, (_, n) => record(n));
    const payloads = records.map((r, n) => JSON.stringify([r.record_key, '320102198001010011', '张建国', n * 100, null]));
    const blocks = sealPayloads(keys, 'b1', records, payloads);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block.payloads_enc).not.toContain('320102198001010011');
    await db.kysely.insertInto('intake_payload_block').values(blocks).execute();
    await db.kysely.insertInto('intake_record').values(records).execute();

    const stored = await db.kysely.selectFrom('intake_record').select(['record_key', 'payload_enc', 'payload_block', 'payload_index'])
      .where('record_key', 'in', ['S-0', `S-${PAYLOADS_PER_BLOCK}`, `S-${count - 1}`]).orderBy('key_hash').execute();
    expect(stored.map((r) => r.payload_index)).toEqual([0, 0, 2]);
    expect(new Set(stored.map((r) => r.payload_block)).size).toBe(3);
    for (const r of stored) {
      const n = Number(r.record_key.slice(2));
      expect(await openPayload(db.kysely, keys, r)).toEqual([r.record_key, '320102198001010011', '张建国', n * 100, null]);
    }
  });

  it('still opens a record sealed on its own before payload blocks', async () => {
    db = await createTestDb(dialect, '0005-record-key-hash');
    const keys = ephemeralKeys();
    await new IntakeRepository(db.kysely).insertBatch(BATCH);
    const { payload_block: _b, payload_index: _i, ...old } = { ...record(1), payload_enc: keys.encrypt(JSON.stringify(['S-1', 42])) };
    await db.kysely.insertInto('intake_record').values(old as never).execute();

    await migrateToLatest(db);

    const stored = await db.kysely.selectFrom('intake_record').select(['payload_enc', 'payload_block', 'payload_index', 'key_hash']).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ payload_block: null, payload_index: null, key_hash: 1 });
    expect(await openPayload(db.kysely, keys, stored)).toEqual(['S-1', 42]);
    // The rebuilt table is still found by its indexes' columns.
    const found = await new IntakeRepository(db.kysely).currentRecords('medical-settlement', [{ key: 'S-1', keyHash: 1 }]);
    expect(found.get('S-1')?.version).toBe(1);
  });
});
