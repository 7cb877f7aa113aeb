import type { Kysely } from 'kysely';
import type { Database, SignalTable } from '../db/schema.js';
import { withinScope, type Scope } from '../territory/scope.js';

export type SignalRow = SignalTable;

export class SignalRepository {
  constructor(private readonly db: Kysely<Database>) {}


  /** A changed record replaces its signals: the old ones stay for history, marked superseded. */
  async supersede(sourceId: string, recordKeys: readonly string[]): Promise<string[]> {
    const affected: string[] = [];
    for (let i = 0; i < recordKeys.length; i += 400) {
      const keys = recordKeys.slice(i, i + 400);
      const rows = await this.db.selectFrom('signal').select('household_id')
        .where('source_id', '=', sourceId).where('record_key', 'in', keys).where('superseded', '=', 0).execute();
      for (const r of rows) if (r.household_id) affected.push(r.household_id);
      await this.db.updateTable('signal').set({ superseded: 1 })
        .where('source_id', '=', sourceId).where('record_key', 'in', keys).where('superseded', '=', 0).execute();
    }
    return affected;
  }

  /** Live signals of a kind for these households with occurred_on in (from, to]. */
  async forHouseholds(householdIds: readonly string[], kind: string, from: string, to: string): Promise<SignalRow[]> {
    const out: SignalRow[] = [];
    for (let i = 0; i < householdIds.length; i += 400) {
      out.push(...await this.db.selectFrom('signal').selectAll()
        .where('household_id', 'in', householdIds.slice(i, i + 400)).where('kind', '=', kind).where('superseded', '=', 0)
        .where('occurred_on', '>', from).where('occurred_on', '<=', to)
        .orderBy('occurred_on').execute());
    }
    return out;
  }

  async countCreatedSince(since: string, scope: Scope): Promise<number> {
    const r = await this.db.selectFrom('signal').innerJoin('household', 'household.id', 'signal.household_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('signal.created_at', '>=', since).where('signal.superseded', '=', 0)
      .where((eb) => withinScope(eb, 'household.community_code', scope)).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
