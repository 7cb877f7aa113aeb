import { randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn from one pool refilled 64 KB at a time: one system call serves thousands
 * of ids and IVs instead of one each.
 */
const pool = Buffer.alloc(65_536);
let offset = pool.length;

export function randomBytesFromPool(size: number): Buffer {
  if (offset + size > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * New rows land at the end of primary-key indexes instead of at random places in them.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytesFromPool(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
