import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { crossCheck, signalsFromRecord, validateRow, type FieldValue, type MappedColumn, type RowProblem, type SourceDefinition } from '@shouwang/domain';
import { newId } from '../db/ids.js';
import type { RowsWriter } from '../db/rows-writer.js';
import type { Database } from '../db/schema.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { RegistryProjector, type ProjectedRow } from '../registry/registry-projector.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { SignalRepository, type SignalRow } from '../signals/signal.repository.js';
import { EvaluationQueue } from '../warnings/evaluation-queue.js';
import { WarningEvaluator } from '../warnings/warning-evaluator.js';
import { IntakeRepository, type RecordRow, type RejectRow } from './intake.repository.js';

export interface SourceRow { readonly rowNumber: number; readonly cells: readonly string[] }

/** Resident-ID hash → person, for one batch run: the registry does not change under a batch. */
export type PersonCache = Map<string, { id: string; household_id: string | null } | null>;

export interface ChunkContext {
  /** This process's claim on the batch, renewed with every chunk. */
  readonly lease: () => { owner: string; until: string };
  readonly persons: PersonCache;
  /** Household number of the register → household id, for one batch run. */
  readonly households: Map<string, string>;
  /** Resident ID → its keyed hash, for one batch run: files name the same people many times. */
  readonly idHashes: Map<string, string>;
  readonly batchId: string;
  readonly source: SourceDefinition;
  readonly columns: readonly MappedColumn[];
  readonly header: readonly string[];
  readonly today: string;
  readonly receivedAt: string;
  readonly isKnownCommunity: (code: string) => boolean;
}

export interface ChunkCounts { rows: number; accepted: number; rejected: number; unchanged: number; signals: number }

interface ValidRow { rowNumber: number; key: string; values: Record<string, FieldValue>; canonical: string; hash: string; subjectHash: string | null }

/**
 * Applies one chunk of a batch's rows inside the caller's transaction: valid rows become
 * record versions (unless unchanged) and signals, invalid rows are kept with their reasons,
 * households whose signals changed are queued for evaluation, and the batch's counts and
 * resume point move, all or nothing.
 */
export async function applyChunk(trx: Kysely<Database>, writer: RowsWriter, keys: PersonalDataKeys, ctx: ChunkContext, rows: readonly SourceRow[]): Promise<ChunkCounts> {
  const { source } = ctx;
  const valid: ValidRow[] = [];
  const rejects: RejectRow[] = [];
  const rejectedRows = new Set<number>();
  const reject = (row: SourceRow, problems: readonly RowProblem[]) => {
    const original = keys.encrypt(JSON.stringify(Object.fromEntries(ctx.header.map((h, i) => [h, row.cells[i] ?? '']))));
    rejectedRows.add(row.rowNumber);
    for (const p of problems) {
      rejects.push({ batch_id: ctx.batchId, row_number: row.rowNumber, column_name: p.column, value_enc: keys.encrypt(p.value), rule: p.rule, reason: p.reason, reason_zh: p.reasonZh, row_enc: original });
    }
  };

  const hashOnce = (residentId: string): string => {
    let hash = ctx.idHashes.get(residentId);
    if (hash === undefined) {
      hash = keys.hashId(residentId);
      if (ctx.idHashes.size < 500_000) ctx.idHashes.set(residentId, hash);
    }
    return hash;
  };
  // A record key never holds a resident ID in the clear: its ID parts are the keyed hash.
  const idKeys = new Set(source.fields.filter((f) => f.type === 'resident_id').map((f) => f.key));
  const keyOf = (values: Record<string, FieldValue>) => source.recordKey.map((k) => (idKeys.has(k) ? hashOnce(String(values[k])) : String(values[k]))).join('|');
  for (const row of rows) {
    const result = validateRow(ctx.columns, row.cells, { today: ctx.today, isKnownCommunity: ctx.isKnownCommunity });
    if (!result.ok) { reject(row, result.problems); continue; }
    const problems = crossCheck(source.id, result.values, ctx.columns);
    if (problems.length > 0) { reject(row, problems); continue; }
    const canonical = JSON.stringify(source.fields.map((f) => result.values[f.key] ?? null));
    const residentId = result.values.residentId;
    valid.push({
      rowNumber: row.rowNumber,
      key: keyOf(result.values),
      values: result.values,
      canonical,
      hash: createHash('sha256').update(canonical).digest('base64url'),
      subjectHash: typeof residentId === 'string' ? hashOnce(residentId) : null,
    });
  }

  const intake = new IntakeRepository(trx);
  const signalRepo = new SignalRepository(trx);
  const unknown = [...new Set(valid.flatMap((r) => (r.subjectHash && !ctx.persons.has(r.subjectHash) ? [r.subjectHash] : [])))];
  const found = await new RegistryRepository({ kysely: trx }).findPersonsByIdHashes(unknown);
  for (const hash of unknown) ctx.persons.set(hash, found.get(hash) ?? null);
  const persons = ctx.persons;
  const current = await intake.currentRecords(source.id, valid.map((r) => r.key));
  const keyColumn = ctx.columns.find((c) => c.field.key === source.recordKey[0])?.header ?? source.recordKey.join('+');
  const seenInChunk = new Map<string, number>();
  const newRecords: RecordRow[] = [];
  const newSignals: SignalRow[] = [];
  const changedKeys: string[] = [];
  const affected: string[] = [];
  const applied: ProjectedRow[] = [];
  let unchanged = 0;

  for (const row of valid) {
    const existing = current.get(row.key);
    const earlierRow = seenInChunk.get(row.key) ?? (existing?.batch_id === ctx.batchId ? existing.row_number : undefined);
    if (earlierRow !== undefined) {
      reject({ rowNumber: row.rowNumber, cells: [] }, [{
        column: keyColumn, value: row.key, rule: 'record_key.duplicate',
        reason: `the same ${keyColumn} already appears in row ${earlierRow} of this file`,
        reasonZh: `${keyColumn}与本文件第 ${earlierRow} 行重复`,
      }]);
      continue;
    }
    seenInChunk.set(row.key, row.rowNumber);
    if (existing?.content_hash === row.hash) { unchanged++; continue; }
    if (existing) changedKeys.push(row.key);
    const version = (existing?.version ?? 0) + 1;
    const person = row.subjectHash ? persons.get(row.subjectHash) ?? undefined : undefined;
    applied.push(row);
    newRecords.push({
      source_id: source.id, record_key: row.key, version, content_hash: row.hash, is_current: 1, batch_id: ctx.batchId,
      row_number: row.rowNumber, person_id: person?.id ?? null, payload_enc: keys.encrypt(row.canonical), source_version: source.version, received_at: ctx.receivedAt,
    });
    let evaluate = existing !== undefined;
    for (const signal of signalsFromRecord(source.id, row.values)) {
      if (WarningEvaluator.applicableSignals.has(signal.kind)) evaluate = true;
      newSignals.push({
        id: newId(), kind: signal.kind, household_id: person?.household_id ?? null, person_id: person?.id ?? null,
        occurred_on: signal.occurredOn, amount_fen: signal.amountFen, source_id: source.id, record_key: row.key, record_version: version,
        batch_id: ctx.batchId, row_number: row.rowNumber, superseded: 0, created_at: ctx.receivedAt,
      });
    }
    if (person?.household_id && evaluate) affected.push(person.household_id);
  }

  if (changedKeys.length > 0) {
    await intake.retireVersions(source.id, changedKeys);
    affected.push(...await signalRepo.supersede(source.id, changedKeys));
  }
  // The registry follows the records: persons the register adds in this chunk are linked to their records.
  const { linked } = await new RegistryProjector(trx, writer, keys, {
    source, batchId: ctx.batchId, today: ctx.today, receivedAt: ctx.receivedAt, persons: ctx.persons, households: ctx.households,
  }).apply(applied);
  if (linked.size > 0) for (const record of newRecords) record.person_id ??= linked.get(record.row_number)?.id ?? null;
  await writer.insert(trx, 'intake_record', newRecords);
  await writer.insert(trx, 'signal', newSignals);
  await writer.insert(trx, 'intake_reject', rejects);
  await new EvaluationQueue(trx).enqueue(affected, ctx.receivedAt);
  const counts: ChunkCounts = { rows: rows.length, accepted: newRecords.length, rejected: rejectedRows.size, unchanged, signals: newSignals.length };
  await intake.addChunkCounts(ctx.batchId, counts, rows.at(-1)?.rowNumber ?? 0, ctx.lease());
  return counts;
}
