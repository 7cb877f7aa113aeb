import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ephemeralKeys, loadKeys } from './keys.js';

describe('personal data keys', () => {
  it('round-trips encryption and never returns the plain text in the sealed form', () => {
    const keys = ephemeralKeys();
    const sealed = keys.encrypt('32010219850615035X');
    expect(sealed).not.toContain('320102');
    expect(keys.decrypt(sealed)).toBe('32010219850615035X');
  });

  it('refuses a tampered ciphertext', () => {
    const keys = ephemeralKeys();
    const sealed = keys.encrypt('13812345678');
    const parts = sealed.split('.');
    const tampered = [parts[0], parts[1], Buffer.from('00000000000').toString('base64url'), parts[3]].join('.');
    expect(() => keys.decrypt(tampered)).toThrow();
  });

  it('hashes an ID the same way with the same key and differently with another', () => {
    const a = ephemeralKeys();
    const b = ephemeralKeys();
    expect(a.hashId('32010219850615035X')).toBe(a.hashId('32010219850615035X'));
    expect(a.hashId('32010219850615035X')).not.toBe(b.hashId('32010219850615035X'));
  });

  it('generates a key file on first start, private to the owner, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-keys-'));
    const first = loadKeys({ dataDir: dir });
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const second = loadKeys({ dataDir: dir });
    expect(second.hashId('x')).toBe(first.hashId('x'));
    expect(second.decrypt(first.encrypt('secret'))).toBe('secret');
  });

  it('rejects a configured hash key of the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-keys-'));
    expect(() => loadKeys({ dataDir: dir, idHashKey: Buffer.alloc(8).toString('base64') })).toThrow(/32 bytes/);
  });
});
