import { createHash, randomUUID } from 'node:crypto';
import { signalsFromRecord, sourceById, type PolicyEntry, type SourceDefinition } from '@shouwang/domain';
import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { SignalRepository, type SignalRow } from '../signals/signal.repository.js';
import { WarningEvaluator, type WarningChange } from '../warnings/warning-evaluator.js';
import { decodeDepartmentFile } from './decode.js';
import { mapHeaders, type MappedColumn } from './header-mapping.js';
import { IntakeRepository, type BatchRow, type RecordRow, type RejectRow } from './intake.repository.js';
import { readCsvTable } from './read-table.js';
import { crossCheck } from './source-checks.js';
import { validateRow, type FieldValue, type RowProblem } from './validate-row.js';

export interface IngestInput {
  readonly sourceId: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly submittedBy: string | null;
}

export type IngestOutcome =
  | { readonly status: 'applied'; readonly batch: BatchRow; readonly changes: readonly WarningChange[] }
  | { readonly status: 'duplicate'; readonly batch: BatchRow; readonly original: BatchRow }
  | { readonly status: 'refused'; readonly batch: BatchRow }
  | { readonly status: 'unknown_source'; readonly sourceId: string };

export interface IntakeClock {
  now(): Date;
  /** ISO date in Asia/Shanghai. */
  today(): string;
}

interface ValidRow { rowNumber: number; key: string; values: Record<string, FieldValue>; hash: string }

/** Header is row 1 of the file; the first data row is row 2, as the department sees it in Excel. */
const FIRST_DATA_ROW = 2;

/**
 * The front door for department files. A file is refused whole (nothing applied) when it
 * cannot be read as this source; otherwise every valid row is applied and every invalid one
 * is kept with its reason, all in one transaction. The same file twice, or an unchanged
 * record re-sent, changes nothing.
 */
export class IntakeService {
  constructor(
    private readonly db: Db,
    private readonly keys: PersonalDataKeys,
    private readonly clock: IntakeClock,
    private readonly policy: readonly PolicyEntry[],
    private readonly cityCode: string,
    private readonly evaluator = new WarningEvaluator(),
  ) {}

  async ingest(input: IngestInput): Promise<IngestOutcome> {
    const source = sourceById(input.sourceId);
    if (!source) return { status: 'unknown_source', sourceId: input.sourceId };
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const receivedAt = this.clock.now().toISOString();
    const intake = new IntakeRepository(this.db.kysely);
    const batch: BatchRow = {
      id: randomUUID(), source_id: source.id, file_name: input.fileName, file_sha256: sha256, encoding: 'unknown',
      status: 'applied', refusal: null, rows: 0, accepted: 0, rejected: 0, unchanged: 0, signals: 0,
      received_at: receivedAt, duplicate_of: null, submitted_by: input.submittedBy,
    };

    const original = await intake.findAppliedBatchByFile(source.id, sha256);
    if (original) {
      const duplicate: BatchRow = { ...batch, status: 'duplicate', duplicate_of: original.id, encoding: original.encoding, rows: original.rows, unchanged: original.rows - original.rejected };
      await intake.insertBatch(duplicate);
      return { status: 'duplicate', batch: duplicate, original };
    }

    const refuse = async (message: string, encoding = 'unknown'): Promise<IngestOutcome> => {
      const refused: BatchRow = { ...batch, status: 'refused', refusal: message, encoding };
      await intake.insertBatch(refused);
      return { status: 'refused', batch: refused };
    };
    const decoded = decodeDepartmentFile(input.bytes);
    if (!decoded.ok) return refuse(decoded.message);
    const table = readCsvTable(decoded.text);
    if (!table.ok) return refuse(table.message, decoded.encoding);
    const mapping = mapHeaders(source, table.header);
    if (!mapping.ok) return refuse(mapping.message, decoded.encoding);

    const { valid, rejects } = this.validate(source, mapping.columns, table.header, table.rows, batch.id);
    const persons = await new RegistryRepository(this.db).findPersonsByIdHashes(valid.map((r) => this.keys.hashId(String(r.values.residentId))));

    let changes: WarningChange[] = [];
    const applied = await this.db.kysely.transaction().execute(async (trx) => {
      const records = new IntakeRepository(trx);
      const signalRepo = new SignalRepository(trx);
      await records.insertBatch({ ...batch, encoding: decoded.encoding, rows: table.rows.length });
      const current = await records.currentRecords(source.id, valid.map((r) => r.key));
      const newRecords: RecordRow[] = [];
      const newSignals: SignalRow[] = [];
      const changedKeys: string[] = [];
      const affected: string[] = [];
      let unchanged = 0;
      for (const row of valid) {
        const existing = current.get(row.key);
        if (existing?.content_hash === row.hash) { unchanged++; continue; }
        if (existing) changedKeys.push(row.key);
        const version = (existing?.version ?? 0) + 1;
        const person = persons.get(this.keys.hashId(String(row.values.residentId)));
        newRecords.push({
          source_id: source.id, record_key: row.key, version, content_hash: row.hash, is_current: 1, batch_id: batch.id,
          row_number: row.rowNumber, person_id: person?.id ?? null, payload_enc: this.keys.encrypt(JSON.stringify(row.values)), received_at: receivedAt,
        });
        for (const signal of signalsFromRecord(source.id, row.values)) {
          newSignals.push({
            id: randomUUID(), kind: signal.kind, household_id: person?.household_id ?? null, person_id: person?.id ?? null,
            occurred_on: signal.occurredOn, amount_fen: signal.amountFen, source_id: source.id, record_key: row.key, record_version: version,
            batch_id: batch.id, row_number: row.rowNumber, superseded: 0, created_at: receivedAt,
          });
        }
        if (person?.household_id) affected.push(person.household_id);
      }
      if (changedKeys.length > 0) {
        await records.retireVersions(source.id, changedKeys);
        affected.push(...await signalRepo.supersede(source.id, changedKeys));
      }
      await records.insertRecords(newRecords);
      await signalRepo.insert(newSignals);
      await records.insertRejects(rejects);
      const counts = {
        rows: table.rows.length, accepted: newRecords.length, unchanged,
        rejected: new Set(rejects.map((r) => r.row_number)).size, signals: newSignals.length,
      };
      await records.updateBatchCounts(batch.id, counts);
      changes = await this.evaluator.evaluate(trx, affected, {
        cityCode: this.cityCode, policy: this.policy, asOf: this.clock.today(), now: receivedAt,
      });
      return { ...batch, ...counts, encoding: decoded.encoding };
    });
    return { status: 'applied', batch: applied, changes };
  }

  private validate(source: SourceDefinition, columns: readonly MappedColumn[],
    header: readonly string[], rows: readonly string[][], batchId: string): { valid: ValidRow[]; rejects: RejectRow[] } {
    const today = this.clock.today();
    const valid: ValidRow[] = [];
    const rejects: RejectRow[] = [];
    const keyColumn = columns.find((c) => c.field.key === source.recordKey[0])?.header ?? source.recordKey.join('+');
    const firstRowOfKey = new Map<string, number>();
    for (const [index, cells] of rows.entries()) {
      const rowNumber = index + FIRST_DATA_ROW;
      const result = validateRow(columns, cells, today);
      let problems: RowProblem[] = result.ok ? crossCheck(source.id, result.values, columns) : result.problems;
      let key = '';
      if (result.ok && problems.length === 0) {
        key = source.recordKey.map((k) => String(result.values[k])).join('|');
        const earlier = firstRowOfKey.get(key);
        if (earlier !== undefined) {
          problems = [{ column: keyColumn, value: key, rule: 'record_key.duplicate', reason: `the same ${keyColumn} already appears in row ${earlier} of this file` }];
        } else {
          firstRowOfKey.set(key, rowNumber);
        }
      }
      if (problems.length > 0 || !result.ok) {
        const original = this.keys.encrypt(JSON.stringify(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))));
        for (const p of problems) {
          rejects.push({ batch_id: batchId, row_number: rowNumber, column_name: p.column, value_enc: this.keys.encrypt(p.value), reason: `${p.rule}: ${p.reason}`, row_enc: original });
        }
        continue;
      }
      const canonical = JSON.stringify(source.fields.map((f) => result.values[f.key] ?? null));
      valid.push({ rowNumber, key, values: result.values, hash: createHash('sha256').update(canonical).digest('base64url') });
    }
    return { valid, rejects };
  }
}
