import { sql, type Kysely } from 'kysely';
import { recordKeyHash, subjectKey } from '../../intake/record-key-hash.js';
import type { DialectName } from '../database.js';

/**
 * Records and signals are found by a 48-bit hash of their source and record key instead of by
 * a unique index on (source, record key, version[, kind]). Record keys are long (most hold a
 * keyed hash of a resident ID) and arrive in random order, so that index was the largest in
 * the database and every intake commit rewrote most of its pages; an integer index is a
 * fifth of its size. The hash is not unique: readers compare the source and key too.
 *
 * For the same reason a person's records are indexed by `subject_key`, 48 bits of the keyed
 * hash of the resident ID the record names, instead of by the person's id: the record knows
 * it before the registry does (a lead added later finds its records), and it is an integer.
 * Records stored before this migration get it from the person they were linked to.
 *
 * Group memberships lose their index by person: nothing looks them up that way (the profile
 * reads them by household), and intake paid for it on every membership it wrote.
 */
export function recordKeyHashes(dialect: DialectName) {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('intake_record').addColumn('key_hash', big, (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('intake_record').addColumn('subject_key', big).execute();
      await db.schema.alterTable('signal').addColumn('key_hash', big, (c) => c.notNull().defaultTo(0)).execute();
      // Rows stored before this migration get their hash while the old keys still index them; new ones arrive with it.
      for (const table of ['intake_record', 'signal'] as const) {
        const keys = await sql<{ source_id: string; record_key: string }>`SELECT DISTINCT source_id, record_key FROM ${sql.table(table)}`.execute(db);
        for (const k of keys.rows) {
          await sql`UPDATE ${sql.table(table)} SET key_hash = ${recordKeyHash(k.source_id, k.record_key)} WHERE source_id = ${k.source_id} AND record_key = ${k.record_key}`.execute(db);
        }
      }
      const persons = await sql<{ id: string; id_hash: string }>`SELECT id, id_hash FROM person WHERE id IN (SELECT person_id FROM intake_record)`.execute(db);
      for (const p of persons.rows) await sql`UPDATE intake_record SET subject_key = ${subjectKey(p.id_hash)} WHERE person_id = ${p.id}`.execute(db);

      if (dialect === 'postgres') {
        await sql`ALTER TABLE intake_record DROP CONSTRAINT intake_record_pk`.execute(db);
        await sql`ALTER TABLE signal DROP CONSTRAINT signal_record`.execute(db);
        await db.schema.dropIndex('intake_record_person').execute();
      } else {
        // SQLite keeps a primary key or unique constraint for the life of the table: both tables are rebuilt without it.
        await sql`CREATE TABLE intake_record_rebuilt (
          source_id text NOT NULL, record_key text NOT NULL, version integer NOT NULL, content_hash text NOT NULL,
          is_current integer NOT NULL, batch_id text NOT NULL REFERENCES intake_batch (id), row_number integer NOT NULL,
          person_id text, payload_enc text NOT NULL, received_at text NOT NULL, source_version integer NOT NULL DEFAULT 1,
          key_hash integer NOT NULL DEFAULT 0, subject_key integer)`.execute(db);
        await sql`INSERT INTO intake_record_rebuilt (source_id, record_key, version, content_hash, is_current, batch_id, row_number, person_id, payload_enc, received_at, source_version, key_hash, subject_key)
          SELECT source_id, record_key, version, content_hash, is_current, batch_id, row_number, person_id, payload_enc, received_at, source_version, key_hash, subject_key FROM intake_record`.execute(db);
        await sql`DROP TABLE intake_record`.execute(db);
        await sql`ALTER TABLE intake_record_rebuilt RENAME TO intake_record`.execute(db);

        await sql`CREATE TABLE signal_rebuilt (
          id text PRIMARY KEY, kind text NOT NULL, household_id text REFERENCES household (id), person_id text REFERENCES person (id),
          occurred_on text NOT NULL, amount_fen integer, source_id text NOT NULL, record_key text NOT NULL, record_version integer NOT NULL,
          batch_id text NOT NULL REFERENCES intake_batch (id), row_number integer NOT NULL, superseded integer NOT NULL, created_at text NOT NULL,
          key_hash integer NOT NULL DEFAULT 0)`.execute(db);
        await sql`INSERT INTO signal_rebuilt (id, kind, household_id, person_id, occurred_on, amount_fen, source_id, record_key, record_version, batch_id, row_number, superseded, created_at, key_hash)
          SELECT id, kind, household_id, person_id, occurred_on, amount_fen, source_id, record_key, record_version, batch_id, row_number, superseded, created_at, key_hash FROM signal`.execute(db);
        await sql`DROP TABLE signal`.execute(db);
        await sql`ALTER TABLE signal_rebuilt RENAME TO signal`.execute(db);
        await db.schema.createIndex('signal_household').on('signal').columns(['household_id', 'kind', 'occurred_on']).execute();
        await db.schema.createIndex('signal_created').on('signal').column('created_at').execute();
      }
      await db.schema.dropIndex('group_membership_person').execute();
      await db.schema.createIndex('intake_record_key').on('intake_record').column('key_hash').execute();
      await db.schema.createIndex('intake_record_subject').on('intake_record').column('subject_key').execute();
      await db.schema.createIndex('signal_key').on('signal').column('key_hash').execute();
    },
  };
}
