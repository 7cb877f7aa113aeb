import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { bulkInsert, type BulkValue } from '../db/bulk.js';
import { inTextList } from '../db/value-list.js';
import type { Database, HouseholdTable, PersonTable } from '../db/schema.js';
import { subjectKey } from '../intake/record-key-hash.js';
import { withinScope, type Scope } from '../territory/scope.js';

export type HouseholdRow = HouseholdTable;

/** What a search looks for: decided from the text typed (see PersonSearchService). */
export type PersonCriterion =
  | { kind: 'name'; value: string }
  | { kind: 'initials'; value: string }
  | { kind: 'id_tail'; value: string }
  | { kind: 'phone_tail'; value: string }
  | { kind: 'address'; value: string };
export type PersonRow = PersonTable;

const HOUSEHOLD_COLUMNS = ['id', 'external_key', 'community_code', 'address_enc', 'address_masked', 'address_road', 'phone_enc', 'phone_masked', 'phone_tail',
  'annual_income_fen', 'member_count', 'programme', 'created_at', 'updated_at'] as const satisfies readonly (keyof HouseholdTable)[];
const PERSON_COLUMNS = ['id', 'id_hash', 'id_enc', 'id_masked', 'name', 'name_initials', 'id_tail', 'sex', 'birth_date', 'household_id', 'relation', 'created_at', 'status', 'died_on', 'updated_at'] as const satisfies readonly (keyof PersonTable)[];

/** Bulk loads of the registry (demo city, initial roster): outside any query-builder transaction. */
export async function bulkInsertHouseholds(db: Db, rows: readonly HouseholdRow[]): Promise<number> {
  return bulkInsert(db, 'household', HOUSEHOLD_COLUMNS, rows.map((r) => HOUSEHOLD_COLUMNS.map((c) => r[c] as BulkValue)));
}

export async function bulkInsertPersons(db: Db, rows: readonly PersonRow[]): Promise<number> {
  return bulkInsert(db, 'person', PERSON_COLUMNS, rows.map((r) => PERSON_COLUMNS.map((c) => r[c] as BulkValue)));
}

export class RegistryRepository {
  constructor(private readonly db: { kysely: Kysely<Database> }) {}


  /** Many lookups at once, for a batch: id hash → person. */
  async findPersonsByIdHashes(idHashes: readonly string[]): Promise<Map<string, Pick<PersonRow, 'id' | 'household_id'>>> {
    const found = new Map<string, Pick<PersonRow, 'id' | 'household_id'>>();
    if (idHashes.length === 0) return found;
    const rows = await this.db.kysely.selectFrom('person').select(['id', 'household_id', 'id_hash'])
      .where(inTextList(this.db.kysely, 'id_hash', [...new Set(idHashes)])).execute();
    for (const r of rows) found.set(r.id_hash, { id: r.id, household_id: r.household_id });
    return found;
  }


  async findHouseholdInScope(id: string, scope: Scope): Promise<HouseholdRow | undefined> {
    return this.db.kysely.selectFrom('household').selectAll()
      .where('id', '=', id).where((eb) => withinScope(eb, 'community_code', scope)).executeTakeFirst();
  }

  async members(householdId: string): Promise<PersonRow[]> {
    return this.db.kysely.selectFrom('person').selectAll().where('household_id', '=', householdId).orderBy('birth_date').execute();
  }

  /** Persons matching one search criterion, inside the scope, with their household's place and open warnings. */
  async searchPersons(scope: Scope, criterion: PersonCriterion, limit: number) {
    const query = this.db.kysely.selectFrom('person')
      .innerJoin('household', 'household.id', 'person.household_id')
      .select(['person.id', 'person.household_id', 'person.name', 'person.id_masked', 'person.relation', 'person.sex', 'person.birth_date',
        'household.address_enc', 'household.address_masked', 'household.community_code', 'household.programme'])
      .select((eb) => eb.selectFrom('warning').select((w) => w.fn.countAll<number>().as('n'))
        .whereRef('warning.household_id', '=', 'person.household_id').where('warning.status', '!=', 'closed').as('open_warnings'))
      .where((eb) => withinScope(eb, 'household.community_code', scope));
    // Each criterion is answered from its own index, read in index order up to the page size.
    switch (criterion.kind) {
      case 'name':
        return query.where('person.name', '>=', criterion.value).where('person.name', '<', `${criterion.value}\uffff`)
          .orderBy('person.name').orderBy('person.id').limit(limit).execute();
      case 'initials':
        return query.where('person.name_initials', '>=', criterion.value).where('person.name_initials', '<', `${criterion.value}~`)
          .orderBy('person.name_initials').orderBy('person.id').limit(limit).execute();
      case 'id_tail':
        return query.where('person.id_tail', '=', criterion.value).orderBy('person.id').limit(limit).execute();
      // A phone belongs to the household (its head): every member is a hit.
      case 'phone_tail':
        return query.where('household.phone_tail', '=', criterion.value).orderBy('household.id').orderBy('person.id').limit(limit).execute();
      case 'address':
        return query.where('household.address_road', '>=', criterion.value).where('household.address_road', '<', `${criterion.value}\uffff`)
          .where('person.relation', '=', '户主').orderBy('household.address_road').orderBy('household.community_code').limit(limit).execute();
    }
  }

  async householdSignals(householdId: string, limit: number) {
    return this.db.kysely.selectFrom('signal')
      .leftJoin('person', 'person.id', 'signal.person_id')
      .select(['signal.kind', 'signal.occurred_on', 'signal.amount_fen', 'signal.source_id', 'signal.batch_id', 'signal.row_number', 'signal.created_at', 'person.name'])
      .where('signal.household_id', '=', householdId).where('signal.superseded', '=', 0)
      .orderBy('signal.occurred_on', 'desc').limit(limit).execute();
  }

  async householdGroups(householdId: string) {
    return this.db.kysely.selectFrom('group_membership').innerJoin('person', 'person.id', 'group_membership.person_id')
      .select(['group_membership.group_id', 'person.name', 'group_membership.status', 'group_membership.started_on', 'group_membership.ended_on',
        'group_membership.source_id', 'group_membership.batch_id', 'group_membership.row_number', 'group_membership.updated_at'])
      .where('group_membership.household_id', '=', householdId)
      .orderBy('group_membership.status').orderBy('group_membership.started_on', 'desc').execute();
  }

  async householdEnrolments(householdId: string) {
    return this.db.kysely.selectFrom('programme_enrolment').innerJoin('person', 'person.id', 'programme_enrolment.person_id')
      .select(['programme_enrolment.programme', 'person.name', 'programme_enrolment.status', 'programme_enrolment.amount_fen', 'programme_enrolment.started_on',
        'programme_enrolment.ended_on', 'programme_enrolment.roster_household_no', 'programme_enrolment.source_id', 'programme_enrolment.batch_id', 'programme_enrolment.row_number'])
      .where('programme_enrolment.household_id', '=', householdId)
      .orderBy('programme_enrolment.status').orderBy('programme_enrolment.started_on', 'desc').execute();
  }

  /** Active members and households per group, inside the scope. */
  async groupCounts(scope: Scope) {
    return this.db.kysely.selectFrom('group_membership').innerJoin('household', 'household.id', 'group_membership.household_id')
      .select(['group_membership.group_id',
        (eb) => eb.fn.count<number>('group_membership.person_id').distinct().as('persons'),
        (eb) => eb.fn.count<number>('group_membership.household_id').distinct().as('households')])
      .where('group_membership.status', '=', 'active').where((eb) => withinScope(eb, 'household.community_code', scope))
      .groupBy('group_membership.group_id').execute();
  }

  /**
   * Enrolments per programme inside the scope: the active ones of dibao, marginal and special
   * hardship (a roster household's monthly allowance counted once, though the roster repeats it
   * on every member), and temporary assistance granted since `since` (its total, not monthly).
   */
  async programmeCounts(scope: Scope, since: string) {
    const k = this.db.kysely;
    const inScope = k.selectFrom('programme_enrolment').innerJoin('household', 'household.id', 'programme_enrolment.household_id')
      .where((eb) => withinScope(eb, 'household.community_code', scope))
      .where((eb) => eb.or([
        eb.and([eb('programme_enrolment.status', '=', 'active'), eb('programme_enrolment.programme', '!=', 'temporary_assistance')]),
        eb.and([eb('programme_enrolment.programme', '=', 'temporary_assistance'), eb('programme_enrolment.started_on', '>=', since)]),
      ]));
    const heads = await inScope.select(['programme_enrolment.programme',
      (eb) => eb.fn.count<number>('programme_enrolment.person_id').distinct().as('persons'),
      (eb) => eb.fn.count<number>('programme_enrolment.household_id').distinct().as('households')])
      .groupBy('programme_enrolment.programme').execute();
    const units = inScope.select(['programme_enrolment.programme as programme',
      (eb) => eb.fn.coalesce('programme_enrolment.roster_household_no', 'programme_enrolment.record_key').as('unit'),
      (eb) => eb.fn.max('programme_enrolment.amount_fen').as('amount')])
      .groupBy(['programme_enrolment.programme', (eb) => eb.fn.coalesce('programme_enrolment.roster_household_no', 'programme_enrolment.record_key')]);
    const amounts = await k.selectFrom(units.as('u')).select(['u.programme', (eb) => eb.fn.sum<number>('u.amount').as('amount')]).groupBy('u.programme').execute();
    const amountOf = new Map(amounts.map((a) => [a.programme, Number(a.amount ?? 0)]));
    return heads.map((h) => ({ programme: h.programme, persons: Number(h.persons), households: Number(h.households), amountFen: amountOf.get(h.programme) ?? 0 }));
  }

  async householdWarnings(householdId: string) {
    return this.db.kysely.selectFrom('warning').select(['id', 'situation', 'status', 'opened_at', 'key_figure_fen'])
      .where('household_id', '=', householdId).orderBy('opened_at', 'desc').execute();
  }

  /** Department records about the household's members, newest first, with the delivery they came in. */
  async provenance(householdId: string, limit: number) {
    const members = await this.db.kysely.selectFrom('person').select(['id', 'id_hash']).where('household_id', '=', householdId).execute();
    if (members.length === 0) return [];
    // Records are indexed by their subject's key; the person decides.
    return this.db.kysely.selectFrom('intake_record')
      .innerJoin('person', 'person.id', 'intake_record.person_id')
      .innerJoin('intake_batch', 'intake_batch.id', 'intake_record.batch_id')
      .select(['person.name', 'person.relation', 'person.id_hash', 'person.id_masked', 'intake_record.source_id', 'intake_record.record_key', 'intake_record.version',
        'intake_record.is_current', 'intake_record.batch_id', 'intake_record.row_number', 'intake_record.received_at', 'intake_batch.file_name'])
      .where('intake_record.subject_key', 'in', [...new Set(members.map((m) => subjectKey(m.id_hash)))])
      .where('intake_record.person_id', 'in', members.map((m) => m.id))
      .orderBy('intake_record.received_at', 'desc').orderBy('intake_record.record_key').limit(limit).execute();
  }

  async counts(scope: Scope): Promise<{ persons: number; households: number }> {
    const households = await this.db.kysely.selectFrom('household')
      .select([(eb) => eb.fn.countAll<number>().as('households'), (eb) => eb.fn.sum<number>('member_count').as('persons')])
      .where((eb) => withinScope(eb, 'community_code', scope)).executeTakeFirstOrThrow();
    return { persons: Number(households.persons ?? 0), households: Number(households.households) };
  }

  async countHouseholds(): Promise<number> {
    const r = await this.db.kysely.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
