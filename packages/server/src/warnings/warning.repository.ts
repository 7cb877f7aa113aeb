import type { Kysely } from 'kysely';
import type { Database, WarningTable } from '../db/schema.js';
import { withinScope, type Scope } from '../territory/scope.js';

export type WarningRow = WarningTable;

/** A warning with what a list shows of its household: the head's name and the address. */
export interface WarningListRow extends WarningRow {
  head_name: string | null;
  address_enc: string;
  address_masked: string;
}

export interface WarningFilter {
  status?: WarningRow['status'] | undefined;
  situation?: string | undefined;
  limit: number;
  offset: number;
}

export class WarningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private listQuery(scope: Scope) {
    return this.db.selectFrom('warning')
      .innerJoin('household', 'household.id', 'warning.household_id')
      .leftJoin('person as head', (join) => join.onRef('head.household_id', '=', 'warning.household_id').on('head.relation', '=', '户主'))
      .where((eb) => withinScope(eb, 'warning.community_code', scope));
  }

  /** The caller's warnings, newest first. The scope is part of the query, not a filter after it. */
  async list(scope: Scope, filter: WarningFilter): Promise<{ items: WarningListRow[]; total: number }> {
    let query = this.listQuery(scope);
    if (filter.status) query = query.where('warning.status', '=', filter.status);
    if (filter.situation) query = query.where('warning.situation', '=', filter.situation);
    const [items, total] = await Promise.all([
      query.selectAll('warning').select(['head.name as head_name', 'household.address_enc', 'household.address_masked'])
        .orderBy('warning.opened_at', 'desc').orderBy('warning.id').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  async findInScope(id: string, scope: Scope): Promise<WarningListRow | undefined> {
    return this.listQuery(scope).selectAll('warning').select(['head.name as head_name', 'household.address_enc', 'household.address_masked'])
      .where('warning.id', '=', id).executeTakeFirst();
  }

  /** Open (not closed) warnings of a situation for these households: one episode each. */
  async openEpisodes(householdIds: readonly string[], situation: string): Promise<Map<string, WarningRow>> {
    const found = new Map<string, WarningRow>();
    for (let i = 0; i < householdIds.length; i += 400) {
      const rows = await this.db.selectFrom('warning').selectAll()
        .where('household_id', 'in', householdIds.slice(i, i + 400)).where('situation', '=', situation).where('status', '!=', 'closed').execute();
      for (const r of rows) found.set(r.household_id, r);
    }
    return found;
  }

  async insert(row: WarningRow): Promise<void> {
    await this.db.insertInto('warning').values(row).execute();
  }

  async updateEvaluation(id: string, change: Pick<WarningRow, 'explanation' | 'key_figure_fen' | 'updated_at' | 'rule_version'>): Promise<void> {
    await this.db.updateTable('warning').set(change).where('id', '=', id).execute();
  }

  async setStatus(id: string, status: WarningRow['status'], at: string): Promise<void> {
    await this.db.updateTable('warning').set({ status, updated_at: at, closed_at: status === 'closed' ? at : null }).where('id', '=', id).execute();
  }

  async addEvent(warningId: string, at: string, action: string, userId: string | null): Promise<void> {
    await this.db.insertInto('warning_event').values({ warning_id: warningId, at, action, user_id: userId }).execute();
  }

  async events(warningId: string): Promise<{ at: string; action: string; by: string | null }[]> {
    return this.db.selectFrom('warning_event').leftJoin('app_user', 'app_user.id', 'warning_event.user_id')
      .select(['warning_event.at', 'warning_event.action', 'app_user.display_name as by'])
      .where('warning_event.warning_id', '=', warningId).orderBy('warning_event.id').execute();
  }

  async countsByCommunity(scope: Scope, openedSince: string): Promise<{ community_code: string; situation: string; open: number; today: number }[]> {
    const rows = await this.db.selectFrom('warning')
      .select(['community_code', 'situation'])
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('status', '!=', 'closed').then(1).else(0).end()).as('open'),
        eb.fn.sum<number>(eb.case().when('opened_at', '>=', openedSince).then(1).else(0).end()).as('today'),
      ])
      .where((eb) => withinScope(eb, 'community_code', scope))
      .groupBy(['community_code', 'situation']).execute();
    return rows.map((r) => ({ ...r, open: Number(r.open), today: Number(r.today) }));
  }

  async recent(scope: Scope, limit: number): Promise<WarningListRow[]> {
    return this.listQuery(scope).selectAll('warning').select(['head.name as head_name', 'household.address_enc', 'household.address_masked'])
      .orderBy('warning.opened_at', 'desc').limit(limit).execute();
  }
}
