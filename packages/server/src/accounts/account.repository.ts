import type { Kysely } from 'kysely';
import type { AppUserTable, Database } from '../db/schema.js';

export type UserRow = AppUserTable;

export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: UserRow, territoryCodes: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('app_user').values(user).execute();
      if (territoryCodes.length > 0) {
        await trx.insertInto('user_scope').values(territoryCodes.map((code) => ({ user_id: user.id, territory_code: code }))).execute();
      }
    });
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async scopes(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('user_scope').select('territory_code').where('user_id', '=', userId).orderBy('territory_code').execute();
    return rows.map((r) => r.territory_code);
  }

  async createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('user_session').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt }).execute();
  }

  /** The session's user, if the session exists and has not expired. */
  async findSession(tokenHash: string, now: string): Promise<{ user_id: string; expires_at: string } | undefined> {
    return this.db.selectFrom('user_session').select(['user_id', 'expires_at'])
      .where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  }

  async extendSession(tokenHash: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('user_session').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
