import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ApiKeyPrincipal { readonly keyId: string; readonly name: string; readonly sourceId: string }

const hashKey = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * API keys of integrations (department feeds). A key writes only its own source; the plain
 * key is shown once at creation, only its hash is stored.
 */
export class ApiKeyService {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date = () => new Date()) {}

  async create(name: string, sourceId: string): Promise<{ id: string; key: string }> {
    const id = randomUUID();
    const key = `swk_${randomBytes(24).toString('base64url')}`;
    await this.db.insertInto('api_key').values({ id, name, source_id: sourceId, key_hash: hashKey(key), created_at: this.now().toISOString(), revoked_at: null }).execute();
    return { id, key };
  }

  async authenticate(key: string): Promise<ApiKeyPrincipal | undefined> {
    const row = await this.db.selectFrom('api_key').select(['id', 'name', 'source_id']).where('key_hash', '=', hashKey(key)).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? { keyId: row.id, name: row.name, sourceId: row.source_id } : undefined;
  }

  async revoke(id: string): Promise<void> {
    await this.db.updateTable('api_key').set({ revoked_at: this.now().toISOString() }).where('id', '=', id).execute();
  }
}
