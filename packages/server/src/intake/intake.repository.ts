import type { Kysely, Selectable } from 'kysely';
import type { Database, IntakeBatchTable, IntakeRecordTable, IntakeRejectTable } from '../db/schema.js';
import { inIntegerList, inTextList } from '../db/value-list.js';

export type BatchRow = IntakeBatchTable;
export type RecordRow = IntakeRecordTable;
export type RejectRow = Omit<IntakeRejectTable, 'id'>;
export type CurrentRecord = Pick<RecordRow, 'record_key' | 'version' | 'content_hash' | 'batch_id' | 'row_number'>;
/** A record key with its `recordKeyHash`, the index records are found by. */
export interface KeyOfRecord { readonly key: string; readonly keyHash: number }

export class IntakeRepository {
  constructor(private readonly db: Kysely<Database>) {}


  async findAppliedOrPendingByFile(sourceId: string, sha256: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll()
      .where('source_id', '=', sourceId).where('file_sha256', '=', sha256).where('status', 'in', ['applied', 'pending'])
      .orderBy('received_at').executeTakeFirst();
  }

  async findByIdempotencyKey(sourceId: string, key: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll().where('source_id', '=', sourceId).where('idempotency_key', '=', key).executeTakeFirst();
  }

  async pendingBatches(): Promise<BatchRow[]> {
    return this.db.selectFrom('intake_batch').selectAll().where('status', '=', 'pending').orderBy('received_at').execute();
  }

  async updateBatch(id: string, change: Partial<Omit<BatchRow, 'id'>>): Promise<void> {
    await this.db.updateTable('intake_batch').set(change).where('id', '=', id).execute();
  }

  /** Adds a chunk's counts and moves the resume point, in the chunk's transaction. */
  /**
   * Claims a pending batch for `owner` until `until`, if nobody else holds an unexpired claim
   * (or the holder is `staleOwner`, known dead). True when the claim was taken.
   */
  async claimBatch(id: string, owner: string, until: string, now: string, staleOwner?: string): Promise<boolean> {
    const result = await this.db.updateTable('intake_batch').set({ lease_owner: owner, lease_until: until })
      .where('id', '=', id).where('status', '=', 'pending')
      .where((eb) => eb.or([
        eb('lease_until', 'is', null), eb('lease_until', '<', now), eb('lease_owner', '=', owner),
        ...(staleOwner ? [eb('lease_owner', '=', staleOwner)] : []),
      ]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Adds a chunk's counts, moves the resume point and renews the claim; fails if the claim was lost. */
  async addChunkCounts(id: string, counts: Pick<BatchRow, 'accepted' | 'rejected' | 'unchanged' | 'signals' | 'rows'>, checkpointRow: number, lease: { owner: string; until: string }): Promise<void> {
    const result = await this.db.updateTable('intake_batch').set((eb) => ({
      accepted: eb('accepted', '+', counts.accepted),
      rejected: eb('rejected', '+', counts.rejected),
      unchanged: eb('unchanged', '+', counts.unchanged),
      signals: eb('signals', '+', counts.signals),
      rows: eb('rows', '+', counts.rows),
      checkpoint_row: checkpointRow,
      lease_until: lease.until,
    })).where('id', '=', id).where('lease_owner', '=', lease.owner).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error(`batch ${id} is being applied by another process; this chunk was rolled back`);
  }

  async deleteRejects(batchId: string): Promise<void> {
    await this.db.deleteFrom('intake_reject').where('batch_id', '=', batchId).execute();
  }

  async insertBatch(batch: BatchRow): Promise<void> {
    await this.db.insertInto('intake_batch').values(batch).execute();
  }


  async findBatch(id: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listBatches(limit: number, sourceId?: string): Promise<BatchRow[]> {
    let query = this.db.selectFrom('intake_batch').selectAll();
    if (sourceId) query = query.where('source_id', '=', sourceId);
    return query.orderBy('received_at', 'desc').orderBy('id').limit(limit).execute();
  }

  /** Per source: the newest batch, and 30-day totals. */
  async sourceActivity(since: string): Promise<{ source_id: string; last_received: string | null; batches: number; accepted: number; rejected: number; unchanged: number }[]> {
    const rows = await this.db.selectFrom('intake_batch')
      .select(['source_id'])
      .select((eb) => [
        eb.fn.max('received_at').as('last_received'),
        eb.fn.sum<number>(eb.case().when('received_at', '>=', since).then(1).else(0).end()).as('batches'),
        eb.fn.sum<number>(eb.case().when('received_at', '>=', since).then(eb.ref('accepted')).else(0).end()).as('accepted'),
        eb.fn.sum<number>(eb.case().when('received_at', '>=', since).then(eb.ref('rejected')).else(0).end()).as('rejected'),
        eb.fn.sum<number>(eb.case().when('received_at', '>=', since).then(eb.ref('unchanged')).else(0).end()).as('unchanged'),
      ])
      .where('status', 'in', ['applied', 'pending', 'duplicate'])
      .groupBy('source_id').execute();
    return rows.map((r) => ({ source_id: r.source_id, last_received: r.last_received as string | null, batches: Number(r.batches), accepted: Number(r.accepted), rejected: Number(r.rejected), unchanged: Number(r.unchanged) }));
  }

  async latestBatch(sourceId: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('intake_batch').selectAll().where('source_id', '=', sourceId).orderBy('received_at', 'desc').limit(1).executeTakeFirst();
  }

  /** The current version of each of these records, by record key. */
  async currentRecords(sourceId: string, records: readonly KeyOfRecord[]): Promise<Map<string, CurrentRecord>> {
    const found = new Map<string, CurrentRecord>();
    if (records.length === 0) return found;
    const wanted = new Set(records.map((r) => r.key));
    const rows = await this.db.selectFrom('intake_record').select(['source_id', 'record_key', 'version', 'content_hash', 'batch_id', 'row_number'])
      .where(inIntegerList(this.db, 'key_hash', [...new Set(records.map((r) => r.keyHash))])).where('is_current', '=', 1).execute();
    // The hash narrows; the source and key decide.
    for (const { source_id, ...r } of rows) if (source_id === sourceId && wanted.has(r.record_key)) found.set(r.record_key, r);
    return found;
  }

  /** Marks the current versions of these records as no longer current (a new version follows). */
  async retireVersions(sourceId: string, records: readonly KeyOfRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.updateTable('intake_record').set({ is_current: 0 })
      .where(inIntegerList(this.db, 'key_hash', [...new Set(records.map((r) => r.keyHash))]))
      .where('source_id', '=', sourceId).where('is_current', '=', 1).where(inTextList(this.db, 'record_key', records.map((r) => r.key))).execute();
  }

  async rejects(batchId: string, limit: number): Promise<Selectable<IntakeRejectTable>[]> {
    return this.db.selectFrom('intake_reject').selectAll().where('batch_id', '=', batchId).orderBy('row_number').orderBy('id').limit(limit).execute();
  }

}
