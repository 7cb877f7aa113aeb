import type { Kysely, Selectable } from 'kysely';
import type { Database, IntakeBatchTable, IntakeRecordTable, IntakeRejectTable } from '../db/schema.js';

export type BatchRow = IntakeBatchTable;
export type RecordRow = IntakeRecordTable;
export type RejectRow = Omit<IntakeRejectTable, 'id'>;

const CHUNK = 400;

export class IntakeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findAppliedBatchByFile(sourceId: string, sha256: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll()
      .where('source_id', '=', sourceId).where('file_sha256', '=', sha256).where('status', '=', 'applied')
      .orderBy('received_at').executeTakeFirst();
  }

  async insertBatch(batch: BatchRow): Promise<void> {
    await this.db.insertInto('intake_batch').values(batch).execute();
  }

  async updateBatchCounts(id: string, counts: Pick<BatchRow, 'accepted' | 'rejected' | 'unchanged' | 'signals' | 'rows'>): Promise<void> {
    await this.db.updateTable('intake_batch').set(counts).where('id', '=', id).execute();
  }

  async findBatch(id: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listBatches(limit: number): Promise<BatchRow[]> {
    return this.db.selectFrom('intake_batch').selectAll().orderBy('received_at', 'desc').limit(limit).execute();
  }

  /** The current version of each of these records, by record key. */
  async currentRecords(sourceId: string, keys: readonly string[]): Promise<Map<string, Pick<RecordRow, 'record_key' | 'version' | 'content_hash'>>> {
    const found = new Map<string, Pick<RecordRow, 'record_key' | 'version' | 'content_hash'>>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await this.db.selectFrom('intake_record').select(['record_key', 'version', 'content_hash'])
        .where('source_id', '=', sourceId).where('is_current', '=', 1).where('record_key', 'in', keys.slice(i, i + CHUNK)).execute();
      for (const r of rows) found.set(r.record_key, r);
    }
    return found;
  }

  async retireVersions(sourceId: string, keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += CHUNK) {
      await this.db.updateTable('intake_record').set({ is_current: 0 })
        .where('source_id', '=', sourceId).where('is_current', '=', 1).where('record_key', 'in', keys.slice(i, i + CHUNK)).execute();
    }
  }

  async insertRecords(rows: readonly RecordRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK / 4) {
      await this.db.insertInto('intake_record').values(rows.slice(i, i + CHUNK / 4)).execute();
    }
  }

  async insertRejects(rows: readonly RejectRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK / 4) {
      await this.db.insertInto('intake_reject').values(rows.slice(i, i + CHUNK / 4)).execute();
    }
  }

  async rejects(batchId: string, limit: number): Promise<Selectable<IntakeRejectTable>[]> {
    return this.db.selectFrom('intake_reject').selectAll().where('batch_id', '=', batchId).orderBy('row_number').orderBy('id').limit(limit).execute();
  }

  async countRecords(sourceId: string): Promise<{ current: number; versions: number }> {
    const r = await this.db.selectFrom('intake_record')
      .select([(eb) => eb.fn.countAll<number>().as('versions'), (eb) => eb.fn.sum<number>('is_current').as('current')])
      .where('source_id', '=', sourceId).executeTakeFirstOrThrow();
    return { current: Number(r.current ?? 0), versions: Number(r.versions) };
  }
}
