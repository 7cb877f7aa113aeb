import type { Kysely } from 'kysely';
import { nameInitials, tail4 } from '../../registry/search-keys.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';

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
      // Persons already in the database get their keys (initials need pinyin, so in code).
      const typed = db as unknown as Kysely<Database>;
      for (;;) {
        const persons = await typed.selectFrom('person').select(['id', 'name', 'id_masked']).where('id_tail', '=', '').limit(1000).execute();
        if (persons.length === 0) break;
        for (const p of persons) {
          await typed.updateTable('person').set({ name_initials: nameInitials(p.name), id_tail: tail4(p.id_masked) }).where('id', '=', p.id).execute();
        }
      }
    },
  };
}
