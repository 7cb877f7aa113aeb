import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { EvaluationSettings, WarningChange } from '../warnings/warning-evaluator.js';
import { BatchProcessor, type ProcessorClock } from './batch-processor.js';
import { BatchReceiver, type Delivery } from './batch-receiver.js';
import type { BatchRow } from './intake.repository.js';

export type DeliveryOutcome =
  | { readonly status: 'applied'; readonly batch: BatchRow; readonly changes: readonly WarningChange[] }
  | { readonly status: 'duplicate'; readonly batch: BatchRow; readonly original: BatchRow }
  | { readonly status: 'replayed'; readonly batch: BatchRow }
  | { readonly status: 'refused'; readonly batch: BatchRow }
  /** Another process is applying this batch right now. */
  | { readonly status: 'busy'; readonly batch: BatchRow }
  | { readonly status: 'unknown_source'; readonly sourceId: string }
  | { readonly status: 'unknown_correction'; readonly batchId: string };

/** Every channel (upload, API, CLI, the demo feed) delivers through here: receive, then apply. */
export class DeliveryService {
  readonly receiver: BatchReceiver;
  readonly processor: BatchProcessor;

  constructor(
    db: Db,
    keys: PersonalDataKeys,
    dataDir: string,
    clock: ProcessorClock,
    evaluation: EvaluationSettings,
    knownCommunities: ReadonlySet<string>,
    onChange: (change: WarningChange) => void,
    onProgress?: (batch: BatchRow) => void,
    settings?: { readonly transactionRows: number },
  ) {
    this.receiver = new BatchReceiver(db, dataDir, () => clock.now());
    this.processor = new BatchProcessor(db, keys, clock, evaluation, knownCommunities, onChange, onProgress, settings);
  }

  async deliver(delivery: Delivery): Promise<DeliveryOutcome> {
    const receipt = await this.receiver.receive(delivery);
    if (receipt.status !== 'received') {
      if (receipt.status === 'replayed' && receipt.batch.status === 'pending') return this.apply(receipt.batch.id);
      // Nothing to apply; finish any evaluation an interrupted earlier delivery left queued.
      await this.processor.drain();
      return receipt;
    }
    return this.apply(receipt.batch.id);
  }

  /** Applies (or resumes) one received batch and announces the warnings it changed. */
  async apply(batchId: string): Promise<DeliveryOutcome> {
    const outcome = await this.processor.process(batchId);
    switch (outcome.status) {
      case 'applied':
      case 'refused':
        return outcome;
      case 'not_pending':
        if (!outcome.batch) throw new Error(`batch ${batchId} does not exist`);
        return { status: 'replayed', batch: outcome.batch };
      case 'busy':
        return { status: 'busy', batch: outcome.batch };
    }
  }

  /** Evaluates households queued for evaluation (by a delivery, or a registry change) and announces their warnings. */
  drain(): Promise<void> {
    return this.processor.drain();
  }

  /** At start: finish what a stopped process left pending. */
  async resumePending(): Promise<number> {
    const outcomes = await this.processor.resumePending();
    // Their warnings were announced by the processor as each chunk landed.
    return outcomes.length;
  }
}
