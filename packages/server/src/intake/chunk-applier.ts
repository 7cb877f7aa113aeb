import type { Kysely } from 'kysely';
import type { SourceDefinition } from '@shouwang/domain';
import type { RowsWriter } from '../db/rows-writer.js';
import type { Database } from '../db/schema.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { RegistryProjector, type DeferredRefresh, type ProjectedRow } from '../registry/registry-projector.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { SignalRepository, type SignalRow } from '../signals/signal.repository.js';
import { EvaluationQueue } from '../warnings/evaluation-queue.js';
import { WarningEvaluator } from '../warnings/warning-evaluator.js';
import { IntakeRepository, type KeyOfRecord, type RecordRow, type RejectRow } from './intake.repository.js';
import { sealPayloads } from './payload-blocks.js';
import { rejectsOfRow, type PreparedChunk } from './row-preparer.js';

/** Resident-ID hash → person, for one batch run: the registry does not change under a batch. */
export type PersonCache = Map<string, { id: string; household_id: string | null } | null>;

export interface ChunkContext {
  /** This process's claim on the batch, renewed with every chunk. */
  readonly lease: () => { owner: string; until: string };
  readonly persons: PersonCache;
  /** Household number of the register → household id, for one batch run. */
  readonly households: Map<string, string>;
  readonly batchId: string;
  readonly source: SourceDefinition;
  /** The file's name for the record key's first column, in duplicate-key rejects. */
  readonly keyColumn: string;
  readonly header: readonly string[];
  readonly receivedAt: string;
  readonly today: string;
  /** Households whose registry figures the transaction's chunks changed, refreshed by `finishTransaction`. */
  readonly deferred: DeferredRefresh;
}

export interface ChunkCounts { rows: number; accepted: number; rejected: number; unchanged: number; signals: number }

/**
 * Stores one prepared chunk of a batch inside the caller's transaction: valid rows become
 * record versions (unless unchanged) and signals, invalid rows are kept with their reasons,
 * households whose signals changed are queued for evaluation, and the batch's counts and
 * resume point move, all or nothing.
 */
export async function applyChunk(trx: Kysely<Database>, writer: RowsWriter, keys: PersonalDataKeys, ctx: ChunkContext, chunk: PreparedChunk): Promise<ChunkCounts> {
  const { source, keyColumn } = ctx;
  const valid = chunk.valid;
  const rejects: RejectRow[] = [...chunk.rejects];
  let rejected = chunk.rejectedRows;

  const intake = new IntakeRepository(trx);
  const signalRepo = new SignalRepository(trx);
  const persons = ctx.persons;
  const unknown = [...new Set(valid.flatMap((r) => (r.subjectHash && !persons.has(r.subjectHash) ? [r.subjectHash] : [])))];
  const found = await new RegistryRepository({ kysely: trx }).findPersonsByIdHashes(unknown);
  for (const hash of unknown) persons.set(hash, found.get(hash) ?? null);
  const current = await intake.currentRecords(source.id, valid);
  const seenInChunk = new Map<string, number>();
  const newRecords: RecordRow[] = [];
  const payloads: string[] = [];
  const newSignals: SignalRow[] = [];
  const changed: KeyOfRecord[] = [];
  const affected: string[] = [];
  const applied: ProjectedRow[] = [];
  let unchanged = 0;

  for (const row of valid) {
    const existing = current.get(row.key);
    const earlierRow = seenInChunk.get(row.key) ?? (existing?.batch_id === ctx.batchId ? existing.row_number : undefined);
    if (earlierRow !== undefined) {
      rejects.push(...rejectsOfRow(keys, ctx, { rowNumber: row.rowNumber, cells: [] }, [{
        column: keyColumn, value: row.key, rule: 'record_key.duplicate',
        reason: `the same ${keyColumn} already appears in row ${earlierRow} of this file`,
        reasonZh: `${keyColumn}与本文件第 ${earlierRow} 行重复`,
      }]));
      rejected++;
      continue;
    }
    seenInChunk.set(row.key, row.rowNumber);
    if (existing?.content_hash === row.hash) { unchanged++; continue; }
    if (existing) changed.push(row);
    const version = (existing?.version ?? 0) + 1;
    const person = row.subjectHash ? persons.get(row.subjectHash) ?? undefined : undefined;
    applied.push(existing ? row : { ...row, firstVersion: true });
    newRecords.push({
      source_id: source.id, record_key: row.key, version, content_hash: row.hash, is_current: 1, batch_id: ctx.batchId,
      row_number: row.rowNumber, person_id: person?.id ?? null, payload_enc: null, source_version: source.version, received_at: ctx.receivedAt, key_hash: row.keyHash, subject_key: row.subjectKey,
      payload_block: null, payload_index: null,
    });
    payloads.push(row.payload);
    let evaluate = existing !== undefined;
    for (const signal of row.signals) {
      if (WarningEvaluator.applicableSignals.has(signal.kind)) evaluate = true;
      newSignals.push({
        id: signal.id, kind: signal.kind, household_id: person?.household_id ?? null, person_id: person?.id ?? null,
        occurred_on: signal.occurredOn, amount_fen: signal.amountFen, source_id: source.id, record_key: row.key, record_version: version,
        batch_id: ctx.batchId, row_number: row.rowNumber, superseded: 0, created_at: ctx.receivedAt, key_hash: row.keyHash,
      });
    }
    if (person?.household_id && evaluate) affected.push(person.household_id);
  }

  if (changed.length > 0) {
    await intake.retireVersions(source.id, changed);
    affected.push(...await signalRepo.supersede(source.id, changed));
  }
  // The registry follows the records: persons the register adds in this chunk are linked to their records.
  const { linked } = await projector(trx, writer, keys, ctx).apply(applied);
  if (linked.size > 0) for (const record of newRecords) record.person_id ??= linked.get(record.row_number)?.id ?? null;
  // Only new versions are sealed: a file sent again unchanged stores nothing.
  await writer.insert(trx, 'intake_payload_block', sealPayloads(keys, ctx.batchId, newRecords, payloads));
  await writer.insert(trx, 'intake_record', newRecords);
  await writer.insert(trx, 'signal', newSignals);
  await writer.insert(trx, 'intake_reject', rejects);
  await new EvaluationQueue(trx).enqueue(affected, ctx.receivedAt);
  const counts: ChunkCounts = { rows: chunk.rows, accepted: newRecords.length, rejected, unchanged, signals: newSignals.length };
  await intake.addChunkCounts(ctx.batchId, counts, chunk.lastRowNumber, ctx.lease());
  return counts;
}

/** What the transaction's chunks left for once per transaction, before it commits: households' incomes and programmes. */
export async function finishTransaction(trx: Kysely<Database>, writer: RowsWriter, keys: PersonalDataKeys, ctx: ChunkContext): Promise<void> {
  await projector(trx, writer, keys, ctx).refreshDeferred(ctx.deferred);
}

function projector(trx: Kysely<Database>, writer: RowsWriter, keys: PersonalDataKeys, ctx: ChunkContext): RegistryProjector {
  return new RegistryProjector(trx, writer, keys, {
    source: ctx.source, batchId: ctx.batchId, today: ctx.today, receivedAt: ctx.receivedAt, persons: ctx.persons, households: ctx.households, deferred: ctx.deferred,
  });
}
