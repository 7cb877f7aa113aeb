import { hash } from 'node:crypto';

/**
 * A 48-bit integer hash of a record's source and key: what records and their signals are
 * indexed and found by. It is short so the index stays small whatever the keys look like,
 * and it fits a JavaScript number exactly on both databases. It is not unique (two keys of
 * millions may share one), so every lookup by it also compares the source and key.
 */
export function recordKeyHash(sourceId: string, recordKey: string): number {
  return Number.parseInt(hash('sha256', `${sourceId}\u0000${recordKey}`, 'hex').slice(0, 12), 16);
}

/**
 * 48 bits of a resident ID's keyed hash (`PersonalDataKeys.hashId`, base64url): what a
 * person's records are indexed by. Not unique either: readers compare the person too.
 */
export function subjectKey(idHash: string): number {
  return Buffer.from(idHash.slice(0, 8), 'base64url').readUIntBE(0, 6);
}
