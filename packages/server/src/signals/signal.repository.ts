import type { Kysely } from 'kysely';
import type { Database, SignalTable } from '../db/schema.js';
import { inIntegerList, inTextList } from '../db/value-list.js';
import type { KeyOfRecord } from '../intake/intake.repository.js';
import { withinScope, type Scope } from '../territory/scope.js';

export type SignalRow = SignalTable;

export class SignalRepository {
  constructor(private readonly db: Kysely<Database>) {}


  /** A changed record replaces its signals: the old ones stay for history, marked superseded. The households they belonged to. */
  async supersede(sourceId: string, records: readonly KeyOfRecord[]): Promise<string[]> {
    if (records.length === 0) return [];
    const live = await this.db.selectFrom('signal').select(['id', 'household_id'])
      .where(inIntegerList(this.db, 'key_hash', [...new Set(records.map((r) => r.keyHash))]))
      .where('source_id', '=', sourceId).where('superseded', '=', 0).where(inTextList(this.db, 'record_key', records.map((r) => r.key))).execute();
    if (live.length > 0) await this.db.updateTable('signal').set({ superseded: 1 }).where(inTextList(this.db, 'id', live.map((s) => s.id))).execute();
    return live.flatMap((s) => (s.household_id ? [s.household_id] : []));
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
