import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { sourceById, type MappedColumn, type SourceDefinition } from '@shouwang/domain';
import { INTAKE_TRANSACTION_ROWS } from '../config.js';
import type { Db } from '../db/database.js';
import { RowsWriter } from '../db/rows-writer.js';
import { keyMaterial, type PersonalDataKeys } from '../identity/keys.js';
import { drainEvaluationQueue, type EvaluationSettings, type WarningChange } from '../warnings/warning-evaluator.js';
import { openBatchTable } from './batch-table.js';
import { applyChunk, finishTransaction, type ChunkContext } from './chunk-applier.js';
import { mapHeaders } from './header-mapping.js';
import { collectGarbage } from './heap-collector.js';
import { IntakeRepository, type BatchRow } from './intake.repository.js';
import { preparationWorkerAvailable, PreparationWorkers, type PreparationRun } from './preparation-job.js';
import { TableReadError } from './readers/index.js';
import { preparedChunks, RowPreparer, type PreparedChunk } from './row-preparer.js';

/** Rows prepared and stored together: the unit of work handed from the preparing thread to the storing one. */
export const CHUNK_ROWS = 2_500;
/*
 * Rows of a batch are stored in transactions of `transactionRows` (whole chunks), each with the
 * resume point after its last chunk. Each commit writes every index page the transaction
 * touched, and department keys land all over the indexes, so fewer, larger commits write much
 * less; a kill loses at most one transaction's work, which the resume redoes.
 */
/** A full garbage collection after this many chunks (see `collectGarbage`). */
const COLLECT_EVERY_CHUNKS = 8;
/** How long a claim on a batch holds without renewal; every chunk renews it. */
export const LEASE_MS = 120_000;
const OWNER = `${hostname()}:${process.pid}`;

/** A claim left by a process of this host that no longer runs (killed, crashed) can be taken over at once. */
function deadLocalOwner(owner: string | null): string | undefined {
  if (!owner) return undefined;
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || Number(pid) === process.pid) return undefined;
  try {
    process.kill(Number(pid), 0);
    return undefined;
  } catch {
    return owner;
  }
}
/** Warnings of a large delivery appear every this many transactions (and at its end). */
export const EVALUATE_EVERY = 3;

export type ProcessOutcome =
  | { readonly status: 'applied'; readonly batch: BatchRow; readonly changes: readonly WarningChange[] }
  | { readonly status: 'refused'; readonly batch: BatchRow }
  | { readonly status: 'not_pending'; readonly batch: BatchRow | undefined }
  /** Another live process holds the claim on this batch. */
  | { readonly status: 'busy'; readonly batch: BatchRow };

export interface ProcessorClock { now(): Date; today(): string }

/**
 * Applies a received batch. First a read-only pass proves the whole file is readable as this
 * source (encoding, structure, header) and counts its rows, so a bad file is refused before
 * anything is applied. Then rows are applied in chunks, each one transaction with its resume
 * point; after a crash, `process` continues after the last committed chunk, so the result is
 * the same as an uninterrupted run.
 */
export class BatchProcessor {
  private readonly running = new Map<string, Promise<ProcessOutcome>>();
  private readonly writer: RowsWriter;
  /** Threads that read and prepare rows while this one stores them; none when running from sources. */
  private readonly workers: PreparationWorkers | undefined;

  constructor(
    private readonly db: Db,
    private readonly keys: PersonalDataKeys,
    private readonly clock: ProcessorClock,
    private readonly evaluation: EvaluationSettings,
    private readonly knownCommunities: ReadonlySet<string>,
    /** Each warning opened or updated, as soon as its chunk is committed. */
    private readonly onChange: (change: WarningChange) => void = () => undefined,
    private readonly onProgress: (batch: BatchRow) => void = () => undefined,
    private readonly settings: { readonly transactionRows: number } = { transactionRows: INTAKE_TRANSACTION_ROWS },
  ) {
    this.writer = new RowsWriter(db);
    const material = keyMaterial(keys);
    this.workers = preparationWorkerAvailable && material ? new PreparationWorkers(material) : undefined;
  }

  /** One run per batch at a time in this process; a second caller waits for the first. */
  process(batchId: string): Promise<ProcessOutcome> {
    const existing = this.running.get(batchId);
    if (existing) return existing;
    const run = this.run(batchId).finally(() => this.running.delete(batchId));
    this.running.set(batchId, run);
    return run;
  }

  /** Batches left pending by a stopped process, in the order they arrived, then any households still queued. */
  async resumePending(): Promise<ProcessOutcome[]> {
    const outcomes: ProcessOutcome[] = [];
    for (const batch of await new IntakeRepository(this.db.kysely).pendingBatches()) outcomes.push(await this.process(batch.id));
    await this.drain();
    return outcomes;
  }

  /** Evaluates households left in the queue (by a crash, or by another process); safe to repeat. */
  async drain(): Promise<void> {
    for (const change of await drainEvaluationQueue(this.db, this.evaluation, this.clock)) this.onChange(change);
  }

  /**
   * Starts preparing the batch's rows from its resume point in a worker thread, when the
   * build and the keys allow it: it works while this thread checks the file.
   */
  private startWorker(batch: BatchRow, source: SourceDefinition): PreparationRun | undefined {
    return this.workers?.start({
      batchId: batch.id, sourceId: source.id, file: batch, after: batch.checkpoint_row, chunkRows: CHUNK_ROWS,
      today: this.clock.today(), knownCommunities: [...this.knownCommunities],
    });
  }

  /** The batch's rows from its resume point, prepared chunk by chunk: by the worker, or else in this thread. */
  private async *prepared(worker: PreparationRun | undefined, batch: BatchRow, source: SourceDefinition, columns: readonly MappedColumn[], header: readonly string[]): AsyncGenerator<PreparedChunk, void, undefined> {
    if (worker) {
      yield* worker.chunks();
      return;
    }
    const opened = await openBatchTable(batch, source);
    if (!opened.ok) throw new TableReadError(opened.message, opened.messageZh);
    const known = this.knownCommunities;
    const preparer = new RowPreparer(this.keys, { batchId: batch.id, source, columns, header, today: this.clock.today(), isKnownCommunity: (code) => known.has(code) });
    yield* preparedChunks(opened.table.rows({ after: batch.checkpoint_row }), preparer, CHUNK_ROWS);
  }

  private async run(batchId: string): Promise<ProcessOutcome> {
    const intake = new IntakeRepository(this.db.kysely);
    const batch = await intake.findBatch(batchId);
    if (!batch || batch.status !== 'pending') return { status: 'not_pending', batch };
    const lease = () => ({ owner: OWNER, until: new Date(Date.now() + LEASE_MS).toISOString() });
    if (!(await intake.claimBatch(batch.id, OWNER, lease().until, new Date().toISOString(), deadLocalOwner(batch.lease_owner)))) {
      return { status: 'busy', batch };
    }
    const source = sourceById(batch.source_id);
    if (!source) return this.refuse(batch, `the source "${batch.source_id}" is no longer configured`, `数据来源“${batch.source_id}”已不在配置中`);
    const worker = this.startWorker(batch, source);
    try {
      return await this.apply(batch, source, lease, worker);
    } finally {
      await worker?.stop();
    }
  }

  private async apply(batch: BatchRow, source: SourceDefinition, lease: ChunkContext['lease'], worker: PreparationRun | undefined): Promise<ProcessOutcome> {
    const intake = new IntakeRepository(this.db.kysely);
    // Pass 1, read only: the whole file must be readable before anything is applied.
    let header: readonly string[] = [];
    let headerRow = batch.header_row;
    let format: BatchRow['format'] = batch.format;
    let encoding = batch.encoding;
    let columns;
    {
      const opened = await openBatchTable(batch, source);
      if (!opened.ok) return this.refuse(batch, opened.message, opened.messageZh);
      const mapping = mapHeaders(source, opened.table.header);
      if (!mapping.ok) {
        await opened.table.close?.();
        return this.refuse(batch, mapping.message, mapping.messageZh);
      }
      columns = mapping.columns;
      header = opened.table.header;
      headerRow = opened.table.headerRowNumber;
      format = opened.table.format;
      encoding = opened.table.encoding;
      if (batch.total_rows === null) {
        let total = 0;
        try {
          for await (const _row of opened.table.rows()) total++;
        } catch (error) {
          const zh = error instanceof TableReadError ? error.messageZh : '文件无法完整读取';
          return this.refuse(batch, error instanceof Error ? error.message : String(error), zh);
        }
        if (total === 0) return this.refuse(batch, 'the file has a header row but no data rows', '文件只有表头，没有数据行');
        await intake.updateBatch(batch.id, { total_rows: total, header_row: headerRow, format, encoding });
        batch.total_rows = total;
      } else {
        await opened.table.close?.();
      }
    }

    // Pass 2: apply in chunks from the resume point.
    const chunkContext: ChunkContext = {
      lease, persons: new Map(), households: new Map(), batchId: batch.id, source, header, receivedAt: batch.received_at, today: this.clock.today(),
      deferred: { incomes: new Set(), programmes: new Set(), incomeFacts: new Map() },
      keyColumn: columns.find((c) => c.field.key === source.recordKey[0])?.header ?? source.recordKey.join('+'),
    };
    // The latest change per warning: announced as each chunk lands, kept once per warning.
    const changes = new Map<string, WarningChange>();
    const record = (list: readonly WarningChange[]) => {
      for (const change of list) {
        const earlier = changes.get(change.warning.id);
        changes.set(change.warning.id, earlier?.kind === 'opened' ? { kind: 'opened', warning: change.warning } : change);
        this.onChange(change);
      }
    };
    let transactions = 0;
    let chunks = 0;
    const prepared = this.prepared(worker, batch, source, columns, header);
    let next = await prepared.next();
    try {
      while (!next.done) {
        await this.db.kysely.transaction().execute(async (trx) => {
          for (let rows = 0; rows < this.settings.transactionRows && !next.done;) {
            await applyChunk(trx, this.writer, this.keys, chunkContext, next.value);
            rows += next.value.rows;
            if (++chunks % COLLECT_EVERY_CHUNKS === 0) collectGarbage();
            next = await prepared.next();
          }
          await finishTransaction(trx, this.writer, this.keys, chunkContext);
        });
        // Households touched by several transactions are evaluated once per EVALUATE_EVERY of them, not after each.
        if (++transactions % EVALUATE_EVERY === 0) record(await drainEvaluationQueue(this.db, this.evaluation, this.clock));
        const progressed = await intake.findBatch(batch.id);
        if (progressed) this.onProgress(progressed);
      }
    } finally {
      await prepared.return(undefined); // stopped by a failed chunk: release the file or the worker
    }
    // Evaluate before the batch is marked applied: a crash in between resumes here and drains again.
    record(await drainEvaluationQueue(this.db, this.evaluation, this.clock));
    await intake.updateBatch(batch.id, { status: 'applied', completed_at: this.clock.now().toISOString(), stored_path: null, lease_owner: null, lease_until: null });
    if (batch.stored_path) await rm(batch.stored_path, { force: true });
    const applied = await intake.findBatch(batch.id);
    if (applied) this.onProgress(applied);
    return { status: 'applied', batch: applied ?? batch, changes: [...changes.values()] };
  }

  private async refuse(batch: BatchRow, message: string, messageZh: string): Promise<ProcessOutcome> {
    const intake = new IntakeRepository(this.db.kysely);
    // Only pass 1 can refuse, and it writes nothing but the batch row; rejects are cleared for safety.
    await intake.deleteRejects(batch.id);
    const refused = {
      status: 'refused' as const, refusal: message, refusal_zh: messageZh, completed_at: this.clock.now().toISOString(), stored_path: null,
      lease_owner: null, lease_until: null,
    };
    await intake.updateBatch(batch.id, refused);
    if (batch.stored_path) await rm(batch.stored_path, { force: true });
    const row = { ...batch, ...refused };
    this.onProgress(row);
    return { status: 'refused', batch: row };
  }
}
