import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { KeyMaterial } from '../identity/keys.js';
import type { BatchFile } from './batch-table.js';
import { TableReadError } from './readers/index.js';
import type { PreparedChunk } from './row-preparer.js';

/** What the preparation worker needs to read and prepare a batch from its resume point. */
export interface PreparationJob {
  readonly batchId: string;
  readonly sourceId: string;
  readonly file: BatchFile;
  /** Resume after this row number. */
  readonly after: number;
  readonly chunkRows: number;
  readonly today: string;
  readonly knownCommunities: readonly string[];
}

export type ToPreparer =
  | { readonly kind: 'start'; readonly job: PreparationJob }
  /** The caller took a chunk: one more may be prepared ahead. */
  | { readonly kind: 'pull' };
export type FromPreparer =
  /**
   * A prepared chunk, serialised (`v8.serialize`) into a transferred buffer: it stays outside the
   * heap until the chunk is stored, so chunks waiting their turn do not age into the old generation.
   */
  | { readonly kind: 'chunk'; readonly chunk: Uint8Array }
  | { readonly kind: 'end' }
  | { readonly kind: 'failed'; readonly message: string; readonly messageZh: string | undefined; readonly rowNumber: number | undefined };

/**
 * Chunks the worker may prepare ahead of the one being stored: enough to keep it busy while the
 * storing thread commits or evaluates warnings, few enough to bound memory (a serialised chunk
 * is a few megabytes, outside the heap).
 */
export const CHUNKS_AHEAD = 4;

/**
 * The worker's heap: its live data is the chunk it prepares and the remembered ID hashes (at
 * most 100,000, ~20 MB); a small old generation makes it collect early instead of growing the
 * process (the million-row bench peaked 50-60 MB higher with 128 MB).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

const WORKER_URL = new URL('./preparation.worker.js', import.meta.url);

/**
 * Whether this build can start the preparation worker: it runs compiled JavaScript, so not
 * when the server runs from its TypeScript sources (the unit tests), which prepare in-thread.
 */
export const preparationWorkerAvailable = import.meta.url.endsWith('.js');

/**
 * Worker threads that prepare batches, one batch at a time each. A worker that finished its
 * batch waits for the next one, already compiled and warm; it does not keep the process alive.
 */
export class PreparationWorkers {
  private readonly idle: Worker[] = [];

  constructor(private readonly keys: KeyMaterial) {}

  /** Starts preparing a batch at once, so that the worker reads while the caller checks the file. */
  start(job: PreparationJob): PreparationRun {
    const worker = this.idle.pop() ?? new Worker(WORKER_URL, { workerData: this.keys, resourceLimits: WORKER_LIMITS });
    worker.ref();
    worker.postMessage({ kind: 'start', job } satisfies ToPreparer);
    return new PreparationRun(worker, (done) => {
      if (done && this.idle.length === 0) {
        worker.unref();
        this.idle.push(worker);
        return Promise.resolve();
      }
      return worker.terminate().then(() => undefined);
    });
  }
}

/**
 * One batch being prepared by a worker, `CHUNKS_AHEAD` chunks ahead of the caller, who stores
 * each chunk as `chunks()` hands it out. `stop()` ends it early (the batch was refused, a chunk
 * failed). A file that turns out unreadable part-way fails as a `TableReadError`.
 */
export class PreparationRun {
  private readonly inbox: FromPreparer[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private ended = false;
  private released = false;

  private readonly onMessage = (message: FromPreparer) => { this.inbox.push(message); this.wake?.(); };
  private readonly onError = (error: Error) => { this.failure ??= error; this.wake?.(); };
  private readonly onExit = (code: number) => { this.failure ??= new Error(`the intake preparation worker stopped (exit code ${code})`); this.wake?.(); };

  constructor(private readonly worker: Worker, private readonly release: (done: boolean) => Promise<void>) {
    worker.on('message', this.onMessage).on('error', this.onError).on('exit', this.onExit);
  }

  async *chunks(): AsyncGenerator<PreparedChunk, void, undefined> {
    try {
      for (;;) {
        const message = this.inbox.shift();
        if (!message) {
          if (this.failure) throw this.failure;
          await new Promise<void>((resolve) => { this.wake = resolve; });
          this.wake = undefined;
          continue;
        }
        switch (message.kind) {
          case 'chunk':
            this.worker.postMessage({ kind: 'pull' } satisfies ToPreparer);
            yield deserialize(message.chunk) as PreparedChunk;
            break;
          case 'end':
            this.ended = true;
            return;
          case 'failed':
            this.ended = true;
            throw message.messageZh === undefined ? new Error(message.message) : new TableReadError(message.message, message.messageZh, message.rowNumber);
        }
      }
    } finally {
      await this.stop();
    }
  }

  /** Releases the worker: kept for the next batch if this one was prepared to its end, ended otherwise. */
  async stop(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.worker.off('message', this.onMessage).off('error', this.onError).off('exit', this.onExit);
    await this.release(this.ended && !this.failure);
  }
}
