import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sourceById } from '@shouwang/domain';
import type { Db } from '../db/database.js';
import { IntakeRepository, type BatchRow } from './intake.repository.js';

export type DeliveryFile =
  | { readonly path: string; /** move instead of copy: the file is a temporary upload */ readonly owned?: boolean }
  | { readonly bytes: Buffer };

export interface Delivery {
  readonly sourceId: string;
  readonly fileName: string;
  readonly file: DeliveryFile;
  readonly format?: 'csv' | 'xlsx' | 'json';
  readonly channel: BatchRow['channel'];
  readonly submittedBy: string | null;
  readonly idempotencyKey?: string | undefined;
  readonly correctsBatchId?: string | undefined;
  readonly sheet?: string | undefined;
}

export type Receipt =
  | { readonly status: 'received'; readonly batch: BatchRow }
  /** The same file was already delivered: recorded, nothing to apply. */
  | { readonly status: 'duplicate'; readonly batch: BatchRow; readonly original: BatchRow }
  /** The same idempotency key was used before: the earlier batch, unchanged. */
  | { readonly status: 'replayed'; readonly batch: BatchRow }
  | { readonly status: 'unknown_source'; readonly sourceId: string }
  | { readonly status: 'unknown_correction'; readonly batchId: string };

async function sha256Of(file: DeliveryFile): Promise<string> {
  const hash = createHash('sha256');
  if ('bytes' in file) return hash.update(file.bytes).digest('hex');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The first step of every delivery, whatever the channel: the file is fingerprinted, kept in
 * the data folder and recorded as a pending batch. Nothing is applied here, so a receipt is
 * cheap and the apply step can be resumed from the stored file after a crash.
 */
export class BatchReceiver {
  constructor(private readonly db: Db, private readonly dataDir: string, private readonly now: () => Date) {}

  async receive(delivery: Delivery): Promise<Receipt> {
    const source = sourceById(delivery.sourceId);
    if (!source) return { status: 'unknown_source', sourceId: delivery.sourceId };
    const intake = new IntakeRepository(this.db.kysely);
    if (delivery.idempotencyKey) {
      const earlier = await intake.findByIdempotencyKey(source.id, delivery.idempotencyKey);
      if (earlier) return { status: 'replayed', batch: earlier };
    }
    if (delivery.correctsBatchId && !(await intake.findBatch(delivery.correctsBatchId))) {
      return { status: 'unknown_correction', batchId: delivery.correctsBatchId };
    }
    const sha256 = await sha256Of(delivery.file);
    const id = randomUUID();
    const batch: BatchRow = {
      id, source_id: source.id, file_name: delivery.fileName, file_sha256: sha256, encoding: 'unknown', status: 'pending', refusal: null, refusal_zh: null,
      rows: 0, accepted: 0, rejected: 0, unchanged: 0, signals: 0, received_at: this.now().toISOString(), duplicate_of: null,
      submitted_by: delivery.submittedBy, format: delivery.format ?? guessFormat(delivery.fileName), channel: delivery.channel, stored_path: null,
      total_rows: null, checkpoint_row: 0, header_row: 1, idempotency_key: delivery.idempotencyKey ?? null,
      corrects_batch_id: delivery.correctsBatchId ?? null, completed_at: null, sheet: delivery.sheet ?? null,
      lease_owner: null, lease_until: null,
    };
    const original = await intake.findAppliedOrPendingByFile(source.id, sha256);
    // The same file again while its first delivery is unfinished (the process stopped): continue that one.
    if (original?.status === 'pending') return { status: 'received', batch: original };
    if (original) {
      const duplicate: BatchRow = {
        ...batch, status: 'duplicate', duplicate_of: original.id, encoding: original.encoding, format: original.format,
        rows: original.rows, unchanged: original.rows - original.rejected, completed_at: batch.received_at,
      };
      await intake.insertBatch(duplicate);
      return { status: 'duplicate', batch: duplicate, original };
    }
    const folder = join(this.dataDir, 'intake');
    await mkdir(folder, { recursive: true });
    const storedPath = join(folder, `${id}${extname(delivery.fileName).toLowerCase() || '.dat'}`);
    if ('bytes' in delivery.file) await writeFile(storedPath, delivery.file.bytes, { mode: 0o600 });
    else if (delivery.file.owned) await rename(delivery.file.path, storedPath);
    else await copyFile(delivery.file.path, storedPath);
    const pending = { ...batch, stored_path: storedPath };
    await intake.insertBatch(pending);
    return { status: 'received', batch: pending };
  }
}

/** Only a hint: the processor reads the real format from the bytes. */
function guessFormat(fileName: string): BatchRow['format'] {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  return 'csv';
}
