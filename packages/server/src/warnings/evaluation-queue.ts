import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Households waiting for the warning evaluator. Written in the same transaction as the
 * signals that changed them, drained by the evaluator; evaluating a household twice is
 * harmless, so a crash between the two loses nothing and repeats nothing visible.
 */
export class EvaluationQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(householdIds: readonly string[], at: string): Promise<void> {
    const unique = [...new Set(householdIds)];
    for (let i = 0; i < unique.length; i += 500) {
      await this.db.insertInto('evaluation_queue').values(unique.slice(i, i + 500).map((id) => ({ household_id: id, queued_at: at })))
        .onConflict((oc) => oc.column('household_id').doNothing()).execute();
    }
  }

  async peek(limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('evaluation_queue').select('household_id').orderBy('queued_at').orderBy('household_id').limit(limit).execute();
    return rows.map((r) => r.household_id);
  }

  async remove(householdIds: readonly string[]): Promise<void> {
    for (let i = 0; i < householdIds.length; i += 500) {
      await this.db.deleteFrom('evaluation_queue').where('household_id', 'in', householdIds.slice(i, i + 500)).execute();
    }
  }
}
