import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Search keys that need no decryption: pinyin initials of the name (张建国 → zjg), the last four
 * characters of the resident ID (already shown in its masked form) and of the head's phone.
 */
export function personSearch(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('person').addColumn('name_initials', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('person').addColumn('id_tail', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('household').addColumn('phone_tail', 'text').execute();
      await db.schema.createIndex('person_name').on('person').column('name').execute();
      await db.schema.createIndex('person_initials').on('person').column('name_initials').execute();
      await db.schema.createIndex('person_id_tail').on('person').column('id_tail').execute();
      await db.schema.createIndex('household_phone_tail').on('household').column('phone_tail').execute();
    },
  };
}
