import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Resumable intake: a batch is received (file stored, status `pending`), then applied in
 * chunks, each chunk committing its records with a checkpoint. Integrations deliver through
 * API keys, with idempotency keys. Households whose signals changed wait in a queue for the
 * warning evaluator, so evaluation survives a crash between chunk and evaluation.
 */
export function resumableIntake(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('intake_batch').addColumn('format', 'text', (c) => c.notNull().defaultTo('csv')).execute();
      await db.schema.alterTable('intake_batch').addColumn('channel', 'text', (c) => c.notNull().defaultTo('upload')).execute();
      await db.schema.alterTable('intake_batch').addColumn('stored_path', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('total_rows', 'integer').execute();
      await db.schema.alterTable('intake_batch').addColumn('checkpoint_row', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('intake_batch').addColumn('header_row', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('intake_batch').addColumn('idempotency_key', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('corrects_batch_id', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('completed_at', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('sheet', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('refusal_zh', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('intake_batch').addColumn('lease_until', 'text').execute();
      await db.schema.alterTable('intake_record').addColumn('source_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('intake_reject').addColumn('rule', 'text', (c) => c.notNull().defaultTo('invalid')).execute();
      await db.schema.alterTable('intake_reject').addColumn('reason_zh', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.createIndex('intake_batch_idempotency').unique().on('intake_batch').columns(['source_id', 'idempotency_key']).execute();
      await db.schema.createIndex('intake_batch_status').on('intake_batch').columns(['status', 'received_at']).execute();
      await db.schema.createIndex('intake_batch_source').on('intake_batch').columns(['source_id', 'received_at']).execute();
      await db.schema.createIndex('intake_record_person').on('intake_record').column('person_id').execute();

      await db.schema.createTable('api_key')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema.createTable('evaluation_queue')
        .addColumn('household_id', 'text', (c) => c.primaryKey())
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
