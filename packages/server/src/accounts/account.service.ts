import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@shouwang/contract';
import { AccountRepository, type UserRow } from './account.repository.js';
import { hashPassword, verifyPassword } from './password.js';

/** How long a session lasts without use. */
export const SESSION_HOURS = 12;

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly territoryCodes: readonly string[];
}

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Accounts and sessions. Session tokens are random; only their hash is stored. */
export class AccountService {
  // A real hash to compare against when the user does not exist, so timing does not reveal usernames.
  private readonly decoy = hashPassword(randomBytes(16).toString('hex'));

  constructor(private readonly accounts: AccountRepository, private readonly now: () => Date = () => new Date()) {}

  async createUser(input: { username: string; displayName: string; password: string; role: Role; territoryCodes: readonly string[] }): Promise<UserRow> {
    const user: UserRow = {
      id: randomUUID(), username: input.username, display_name: input.displayName, password_hash: await hashPassword(input.password),
      role: input.role, disabled: 0, created_at: this.now().toISOString(),
    };
    await this.accounts.create(user, input.territoryCodes);
    return user;
  }

  /** A new session token for valid credentials; undefined otherwise (no hint which part was wrong). */
  async login(username: string, password: string): Promise<{ token: string; user: SessionUser } | undefined> {
    const user = await this.accounts.findByUsername(username);
    if (!user || user.disabled) {
      await verifyPassword(await this.decoy, password);
      return undefined;
    }
    if (!(await verifyPassword(user.password_hash, password))) return undefined;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await this.accounts.createSession(sessionTokenHash(token), user.id, now.toISOString(), expiresAt.toISOString());
    return { token, user: await this.present(user) };
  }

  /** The user behind a session token; sliding expiry. */
  async authenticate(token: string): Promise<SessionUser | undefined> {
    const tokenHash = sessionTokenHash(token);
    const now = this.now();
    const session = await this.accounts.findSession(tokenHash, now.toISOString());
    if (!session) return undefined;
    const user = await this.accounts.findById(session.user_id);
    if (!user || user.disabled) return undefined;
    const renewAt = new Date(now.getTime() + (SESSION_HOURS - 1) * 3600_000).toISOString();
    if (session.expires_at < renewAt) {
      await this.accounts.extendSession(tokenHash, new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString());
    }
    return this.present(user);
  }

  async logout(token: string): Promise<void> {
    await this.accounts.deleteSession(sessionTokenHash(token));
  }

  private async present(user: UserRow): Promise<SessionUser> {
    return { id: user.id, username: user.username, displayName: user.display_name, role: user.role, territoryCodes: await this.accounts.scopes(user.id) };
  }
}
