import type { Kysely } from 'kysely';
import { nameInitials, roadOf, tail4 } from '../../registry/search-keys.js';
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
      await db.schema.alterTable('household').addColumn('address_road', 'text', (c) => c.notNull().defaultTo('')).execute();
      // Name searches walk these in order and stop at the page size.
      await db.schema.createIndex('person_name').on('person').columns(['name', 'id']).execute();
      await db.schema.createIndex('person_initials').on('person').columns(['name_initials', 'id']).execute();
      await db.schema.createIndex('person_id_tail').on('person').columns(['id_tail', 'id']).execute();
      await db.schema.createIndex('household_phone_tail').on('household').columns(['phone_tail', 'id']).execute();
      await db.schema.createIndex('household_road').on('household').columns(['address_road', 'community_code']).execute();
      // Persons already in the database get their keys (initials need pinyin, so in code).
      const typed = db as unknown as Kysely<Database>;
      for (;;) {
        const persons = await typed.selectFrom('person').select(['id', 'name', 'id_masked']).where('id_tail', '=', '').limit(1000).execute();
        if (persons.length === 0) break;
        for (const p of persons) {
          await typed.updateTable('person').set({ name_initials: nameInitials(p.name), id_tail: tail4(p.id_masked) }).where('id', '=', p.id).execute();
        }
      }
      // The masked address keeps the road: enough to derive the search key without decrypting.
      for (;;) {
        const households = await typed.selectFrom('household').select(['id', 'address_masked']).where('address_road', '=', '').limit(1000).execute();
        if (households.length === 0) break;
        for (const h of households) {
          await typed.updateTable('household').set({ address_road: roadOf(h.address_masked.replace(/\*+$/, '')) || '—' }).where('id', '=', h.id).execute();
        }
      }
    },
  };
}
