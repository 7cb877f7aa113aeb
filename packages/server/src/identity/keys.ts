import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { randomBytesFromPool } from '../db/ids.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two secrets that protect personal data: a key for the keyed hash (HMAC-SHA256) that
 * lets us find a person by resident ID without storing it in the clear, and a key for
 * AES-256-GCM encryption at rest of IDs, phones, addresses and health records.
 */
export interface PersonalDataKeys {
  /** Lookup hash of a normalised 18-digit resident ID. */
  hashId(residentId: string): string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

interface KeyFile { hmacKey: string; encryptionKey: string }

function decodeKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

/** Reads `keys.json` from the data folder, creating it (mode 600) on first start. */
export function loadKeys(options: { dataDir: string; idHashKey?: string | undefined; encryptionKey?: string | undefined }): PersonalDataKeys {
  const file = join(options.dataDir, 'keys.json');
  let stored: KeyFile;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    stored = { hmacKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return createKeys(
    decodeKey(options.idHashKey ?? stored.hmacKey, 'SHOUWANG_ID_HASH_KEY'),
    decodeKey(options.encryptionKey ?? stored.encryptionKey, 'SHOUWANG_ENCRYPTION_KEY'),
  );
}

/** The raw secrets behind a set of keys, for a worker thread that must hash and encrypt too: never log or store it. */
export interface KeyMaterial { readonly hmacKey: Uint8Array; readonly encryptionKey: Uint8Array }

// Kept beside the keys rather than on them, so that logging or serialising the keys object shows no secret.
const materials = new WeakMap<PersonalDataKeys, KeyMaterial>();

/** The secrets of keys made by `createKeys`, to rebuild the same keys in a worker (`createKeys(material)`). */
export function keyMaterial(keys: PersonalDataKeys): KeyMaterial | undefined {
  return materials.get(keys);
}

export function createKeys(hmacKey: Buffer, encryptionKey: Buffer): PersonalDataKeys {
  const keys: PersonalDataKeys = {
    hashId: (residentId) => createHmac('sha256', hmacKey).update(residentId).digest('base64url'),
    encrypt(plain) {
      const iv = randomBytesFromPool(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not an encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
  materials.set(keys, { hmacKey: new Uint8Array(hmacKey), encryptionKey: new Uint8Array(encryptionKey) });
  return keys;
}

/** Fresh random keys: for tests and benchmarks. */
export function ephemeralKeys(): PersonalDataKeys {
  return createKeys(randomBytes(32), randomBytes(32));
}
