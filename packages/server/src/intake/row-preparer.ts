import { hash } from 'node:crypto';
import { crossCheck, signalsFromRecord, validateRow, type CanonicalSignal, type FieldValue, type MappedColumn, type RowProblem, type SourceDefinition } from '@shouwang/domain';
import { newId } from '../db/ids.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { projectedValues } from '../registry/projected-values.js';
import type { RejectRow } from './intake.repository.js';
import { recordKeyHash, subjectKey } from './record-key-hash.js';

export interface SourceRow { readonly rowNumber: number; readonly cells: readonly string[] }

/** A signal of a prepared row, with the id it will be stored under. */
export interface PreparedSignal extends CanonicalSignal { readonly id: string }

/** A row that passed validation, with everything its record and signals need that does not depend on the database. */
export interface PreparedRow {
  readonly rowNumber: number;
  readonly key: string;
  /** `recordKeyHash` of the source and key: the index the record is stored and found under. */
  readonly keyHash: number;
  /** The values the registry reads of the record (`projectedValues`): all of them, or a lead's few. */
  readonly values: Record<string, FieldValue>;
  /** SHA-256 of the canonical payload: a record delivered again unchanged is recognised by it. */
  readonly hash: string;
  /** Keyed hash of the row's resident ID, to find the person; null when the source names nobody. */
  readonly subjectHash: string | null;
  /** `subjectKey` of it, the index the person's records are found by. */
  readonly subjectKey: number | null;
  /**
   * The canonical payload (a JSON array of the values in field order), in the clear: it is
   * sealed with the chunk's other new records when stored (`sealPayloads`), never kept so.
   */
  readonly payload: string;
  readonly signals: readonly PreparedSignal[];
}

/** One chunk of a batch's rows, validated, hashed and encrypted: what `applyChunk` stores in one transaction. */
export interface PreparedChunk {
  /** How many rows of the file the chunk holds. */
  readonly rows: number;
  /** The row number of its last row: the batch's resume point once the chunk is stored. */
  readonly lastRowNumber: number;
  readonly valid: readonly PreparedRow[];
  /** One reject per problem of each invalid row, in row order. */
  readonly rejects: readonly RejectRow[];
  /** How many rows were invalid. */
  readonly rejectedRows: number;
}

export interface PreparationSettings {
  readonly batchId: string;
  readonly source: SourceDefinition;
  readonly columns: readonly MappedColumn[];
  readonly header: readonly string[];
  readonly today: string;
  readonly isKnownCommunity: (code: string) => boolean;
}

/** How many resident-ID hashes a process remembers per set of keys: files name the same people many times, batch after batch. */
const ID_HASHES_KEPT = 100_000;
const idHashCaches = new WeakMap<PersonalDataKeys, Map<string, string>>();

/**
 * The part of applying a chunk that needs no database: validation, cross-field checks, the
 * record key, content hash and canonical payload of each valid row, its signals, and the
 * rejects of the invalid rows. Pure CPU work, so it can run in a worker thread while the main
 * thread stores the previous chunk. One preparer serves one batch run.
 */
export class RowPreparer {
  private readonly idHashes: Map<string, string>;
  /** Record-key fields that hold a resident ID: a record key keeps their keyed hash, never the ID. */
  private readonly idKeys: ReadonlySet<string>;

  constructor(private readonly keys: PersonalDataKeys, private readonly settings: PreparationSettings) {
    this.idKeys = new Set(settings.source.fields.filter((f) => f.type === 'resident_id').map((f) => f.key));
    let cache = idHashCaches.get(keys);
    if (!cache) idHashCaches.set(keys, (cache = new Map()));
    this.idHashes = cache;
  }

  prepare(rows: readonly SourceRow[]): PreparedChunk {
    const { source, columns, today, isKnownCommunity } = this.settings;
    const valid: PreparedRow[] = [];
    const rejects: RejectRow[] = [];
    let rejectedRows = 0;
    for (const row of rows) {
      const result = validateRow(columns, row.cells, { today, isKnownCommunity });
      const problems = result.ok ? crossCheck(source.id, result.values, columns) : result.problems;
      if (!result.ok || problems.length > 0) {
        rejects.push(...rejectsOfRow(this.keys, this.settings, row, problems));
        rejectedRows++;
        continue;
      }
      const { values } = result;
      const canonical = JSON.stringify(source.fields.map((f) => values[f.key] ?? null));
      const residentId = values.residentId;
      const subjectHash = typeof residentId === 'string' ? this.hashId(residentId) : null;
      const key = source.recordKey.map((k) => (this.idKeys.has(k) ? this.hashId(String(values[k])) : String(values[k]))).join('|');
      valid.push({
        rowNumber: row.rowNumber,
        key,
        keyHash: recordKeyHash(source.id, key),
        values: projectedValues(source.id, values),
        hash: hash('sha256', canonical, 'base64url'),
        subjectHash,
        subjectKey: subjectHash === null ? null : subjectKey(subjectHash),
        payload: canonical,
        signals: signalsFromRecord(source.id, values).map((signal) => ({ ...signal, id: newId() })),
      });
    }
    return { rows: rows.length, lastRowNumber: rows.at(-1)?.rowNumber ?? 0, valid, rejects, rejectedRows };
  }

  private hashId(residentId: string): string {
    let hash = this.idHashes.get(residentId);
    if (hash === undefined) {
      hash = this.keys.hashId(residentId);
      if (this.idHashes.size < ID_HASHES_KEPT) this.idHashes.set(residentId, hash);
    }
    return hash;
  }
}

/** The rejects of one row, one per problem, each with the whole row encrypted so the department sees what it sent. */
export function rejectsOfRow(keys: PersonalDataKeys, settings: Pick<PreparationSettings, 'batchId' | 'header'>, row: SourceRow, problems: readonly RowProblem[]): RejectRow[] {
  const original = keys.encrypt(JSON.stringify(Object.fromEntries(settings.header.map((h, i) => [h, row.cells[i] ?? '']))));
  return problems.map((p) => ({
    batch_id: settings.batchId, row_number: row.rowNumber, column_name: p.column, value_enc: keys.encrypt(p.value),
    rule: p.rule, reason: p.reason, reason_zh: p.reasonZh, row_enc: original,
  }));
}

/** Groups streamed rows into chunks of `chunkRows` and prepares each. */
export async function* preparedChunks(rows: AsyncIterable<SourceRow>, preparer: RowPreparer, chunkRows: number): AsyncGenerator<PreparedChunk, void, undefined> {
  let chunk: SourceRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= chunkRows) {
      yield preparer.prepare(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield preparer.prepare(chunk);
}
