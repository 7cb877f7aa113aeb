import type { Kysely } from 'kysely';
import type { FieldValue } from '@shouwang/domain';
import { newId } from '../db/ids.js';
import type { Database, IntakePayloadBlockTable, IntakeRecordTable } from '../db/schema.js';
import type { PersonalDataKeys } from '../identity/keys.js';

/**
 * Records whose payloads share one seal. Opening one record opens its block: 256 payloads are
 * some 60 KB, a fraction of a millisecond to decrypt and parse, while sealing them together
 * costs a 256th of the cipher set-up that sealing each would.
 */
export const PAYLOADS_PER_BLOCK = 256;

type StoredPayload = Pick<IntakeRecordTable, 'payload_enc' | 'payload_block' | 'payload_index'>;

/**
 * Seals the payloads (`payloads[i]` is the canonical JSON value array of `records[i]`) in
 * blocks of `PAYLOADS_PER_BLOCK`, and points each record at its block and place: the blocks
 * to store with the records, in the same transaction.
 */
export function sealPayloads(keys: PersonalDataKeys, batchId: string, records: readonly Pick<IntakeRecordTable, 'payload_block' | 'payload_index'>[], payloads: readonly string[]): IntakePayloadBlockTable[] {
  const blocks: IntakePayloadBlockTable[] = [];
  for (let start = 0; start < records.length; start += PAYLOADS_PER_BLOCK) {
    const id = newId();
    const end = Math.min(records.length, start + PAYLOADS_PER_BLOCK);
    for (let i = start; i < end; i++) {
      const record = records[i] as (typeof records)[number];
      record.payload_block = id;
      record.payload_index = i - start;
    }
    blocks.push({ id, batch_id: batchId, payloads_enc: keys.encrypt(`[${payloads.slice(start, end).join(',')}]`) });
  }
  return blocks;
}

/** A stored record's values, in the field order of its source version: from its block, or from its own seal (records stored before blocks). */
export async function openPayload(db: Kysely<Database>, keys: PersonalDataKeys, record: StoredPayload): Promise<FieldValue[]> {
  if (record.payload_enc !== null) return JSON.parse(keys.decrypt(record.payload_enc)) as FieldValue[];
  if (record.payload_block === null || record.payload_index === null) throw new Error('the record has no payload');
  const block = await db.selectFrom('intake_payload_block').select('payloads_enc').where('id', '=', record.payload_block).executeTakeFirstOrThrow();
  const payloads = JSON.parse(keys.decrypt(block.payloads_enc)) as FieldValue[][];
  const payload = payloads[record.payload_index];
  if (!payload) throw new Error(`payload block ${record.payload_block} has no entry ${record.payload_index}`);
  return payload;
}
