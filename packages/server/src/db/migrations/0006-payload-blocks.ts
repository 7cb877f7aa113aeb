import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Record payloads are sealed together, a block of up to `PAYLOADS_PER_BLOCK` records of one
 * chunk under one AES-256-GCM seal, instead of one seal per record: sealing one record cost
 * more than validating it (most of it the cipher's set-up, whatever the length), and a
 * record row held 330 characters of ciphertext, nonce and tag. A record now names its block
 * and its place in it. Records stored before keep their own sealed payload (`payload_enc`),
 * which readers still open.
 */
export function payloadBlocks(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('intake_payload_block')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('batch_id', 'text', (c) => c.notNull().references('intake_batch.id'))
        .addColumn('payloads_enc', 'text', (c) => c.notNull())
        .execute();
      if (dialect === 'postgres') {
        await sql`ALTER TABLE intake_record ALTER COLUMN payload_enc DROP NOT NULL`.execute(db);
        await db.schema.alterTable('intake_record').addColumn('payload_block', 'text').execute();
        await db.schema.alterTable('intake_record').addColumn('payload_index', 'integer').execute();
        return;
      }
      // SQLite cannot drop a NOT NULL constraint: the table is rebuilt, and its indexes with it.
      await sql`CREATE TABLE intake_record_rebuilt (
        source_id text NOT NULL, record_key text NOT NULL, version integer NOT NULL, content_hash text NOT NULL,
        is_current integer NOT NULL, batch_id text NOT NULL REFERENCES intake_batch (id), row_number integer NOT NULL,
        person_id text, payload_enc text, received_at text NOT NULL, source_version integer NOT NULL DEFAULT 1,
        key_hash integer NOT NULL DEFAULT 0, subject_key integer, payload_block text, payload_index integer)`.execute(db);
      await sql`INSERT INTO intake_record_rebuilt (source_id, record_key, version, content_hash, is_current, batch_id, row_number, person_id, payload_enc, received_at, source_version, key_hash, subject_key)
        SELECT source_id, record_key, version, content_hash, is_current, batch_id, row_number, person_id, payload_enc, received_at, source_version, key_hash, subject_key FROM intake_record`.execute(db);
      await sql`DROP TABLE intake_record`.execute(db);
      await sql`ALTER TABLE intake_record_rebuilt RENAME TO intake_record`.execute(db);
      await db.schema.createIndex('intake_record_key').on('intake_record').column('key_hash').execute();
      await db.schema.createIndex('intake_record_subject').on('intake_record').column('subject_key').execute();
    },
  };
}
