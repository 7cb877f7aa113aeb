import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.js';

export interface AuditEntry {
  readonly userId: string | null;
  /** e.g. `household.read` */
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly detail?: Record<string, string | number>;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, row: Omit<AuditLogTable, 'hash' | 'prev_hash'>): string {
  return createHash('sha256').update(JSON.stringify([prevHash, row.seq, row.at, row.user_id, row.action, row.subject_type, row.subject_id, row.detail])).digest('hex');
}

/**
 * Append-only audit log, hash-chained: each entry's hash covers the previous entry's hash,
 * so editing or deleting an entry breaks every hash after it (`verifyChain`).
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry, at: string): Promise<void> {
    // Two writers racing for the same seq: the primary key refuses one, which retries.
    for (let attempt = 0; ; attempt++) {
      const last = await this.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const row = {
        seq: (last?.seq ?? 0) + 1, at, user_id: entry.userId, action: entry.action, subject_type: entry.subjectType,
        subject_id: entry.subjectId, detail: entry.detail ? JSON.stringify(entry.detail) : null,
      };
      const prevHash = last?.hash ?? GENESIS;
      try {
        await this.db.insertInto('audit_log').values({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) }).execute();
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }

  async list(limit: number): Promise<AuditLogTable[]> {
    return this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  }

  /** The first seq whose hash does not match its content or predecessor, or null when intact. */
  async verifyChain(): Promise<number | null> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = GENESIS;
    for (const row of rows) {
      const { hash, prev_hash, ...content } = row;
      if (prev_hash !== prev || hash !== entryHash(prev, content)) return row.seq;
      prev = hash;
    }
    return null;
  }
}
