import type { Kysely } from 'kysely';
import {
  birthDateOfId, ENROLMENT_PROGRAMMES, GROUP_SOURCES, INCOME_SOURCES, incomeFromRecord, maskResidentId, personAnnualIncome, PROGRAMME_SOURCES, sexOfId, membershipsFromHousehold, membershipsFromRecord, programmeFromRecord, signalsFromRecord,
  type CanonicalSignal, type FieldValue, type GroupMembershipFact, type ProgrammeKind, type SourceDefinition,
} from '@shouwang/domain';
import { newId } from '../db/ids.js';
import type { RowsWriter } from '../db/rows-writer.js';
import type { Database, DataQualityKind, GroupMembershipTable, HouseholdHistoryTable, PersonIncomeTable, ProgrammeEnrolmentTable } from '../db/schema.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { householdRow, personRow, phoneColumns } from './registry-rows.js';

/** An applied record (a new version) of a batch, as the registry sees it. */
export interface ProjectedRow {
  readonly rowNumber: number;
  readonly key: string;
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Keyed hash of the record's resident ID. */
  readonly subjectHash: string | null;
  /** True for a record's first version: there is no earlier one whose memberships it could end. */
  readonly firstVersion?: boolean;
  /** The record's signals, when already worked out (intake); otherwise they follow from the values. */
  readonly signals?: readonly CanonicalSignal[];
}

export interface KnownPerson { id: string; household_id: string | null }

export interface ProjectionContext {
  readonly source: SourceDefinition;
  readonly batchId: string;
  readonly today: string;
  readonly receivedAt: string;
  /** Resident-ID hash → person (null: not in the registry), shared with the chunk applier and kept current here. */
  readonly persons: Map<string, KnownPerson | null>;
  /** Household number of the register → household id, for one batch run. */
  readonly households: Map<string, string>;
  /**
   * When given, households whose income or programme must be worked out again are collected
   * here rather than refreshed at once, for `refreshDeferred` before the transaction commits:
   * a household named in many chunks of a transaction is then read and written once.
   */
  readonly deferred?: DeferredRefresh;
}

/** Households whose figures wait for `RegistryProjector.refreshDeferred`, and the income facts they follow from. */
export interface DeferredRefresh {
  readonly incomes: Set<string>;
  readonly programmes: Set<string>;
  /** The latest income fact per person and source seen in the transaction. */
  readonly incomeFacts: Map<string, PersonIncomeTable>;
}

export interface ProjectionResult {
  /** Row number → the person the row is now linked to (persons the register just added). */
  readonly linked: ReadonlyMap<number, KnownPerson>;
}

const PROGRAMME_RANK: Record<string, number> = { special_hardship: 3, dibao: 2, marginal: 1 };
/** `household` memberships (living alone, 80+) are keyed by person under this source. */
const HOUSEHOLD_SOURCE = 'household-registration';
const HOUSEHOLD_KEY = 'household:';

/**
 * Keeps the registry in step with the department feeds, one chunk of applied records at a time
 * inside the chunk's transaction: the household register adds persons and households and moves
 * people between them; rosters add, update and end group memberships and programme
 * enrolments; a death record marks the person. What the feeds disagree on goes to the
 * data-quality queue with its evidence, and a record about someone in difficulty whom the
 * database does not hold becomes a lead. Nothing is resolved silently.
 */
export class RegistryProjector {
  constructor(private readonly trx: Kysely<Database>, private readonly writer: RowsWriter, private readonly keys: PersonalDataKeys, private readonly ctx: ProjectionContext) {}

  async apply(rows: readonly ProjectedRow[]): Promise<ProjectionResult> {
    const linked = new Map<number, KnownPerson>();
    if (rows.length === 0) return { linked };
    const sourceId = this.ctx.source.id;
    if (sourceId === 'household-registration') await this.register(rows, linked);
    else if (sourceId === 'death-record') await this.deaths(rows.map((r) => ({ row: r, diedOn: String(r.values.diedOn) })));
    else if (GROUP_SOURCES.has(sourceId) || PROGRAMME_SOURCES.has(sourceId)) await this.rosters(rows);
    else await this.leads(rows);
    if (INCOME_SOURCES.has(sourceId)) await this.incomes(rows);
    return { linked };
  }

  // ── Income from the feeds ───────────────────────────────────────────────────────────────

  private async incomes(rows: readonly ProjectedRow[]): Promise<void> {
    const { ctx, trx } = this;
    // The latest figure per person and source counts; an older month sent late changes nothing.
    const latest = ctx.deferred?.incomeFacts ?? new Map<string, PersonIncomeTable>();
    const households = new Set<string>();
    for (const row of rows) {
      const person = row.subjectHash ? ctx.persons.get(row.subjectHash) : null;
      const income = incomeFromRecord(ctx.source.id, row.values, ctx.today);
      if (!person || !income) continue;
      const key = `${person.id}|${ctx.source.id}`;
      if ((latest.get(key)?.period ?? '') <= income.period) {
        latest.set(key, { person_id: person.id, source_id: ctx.source.id, kind: income.kind, annual_fen: income.annualFen, period: income.period, updated_at: ctx.receivedAt });
      }
      if (person.household_id) households.add(person.household_id);
    }
    if (!ctx.deferred) await this.writer.upsert(trx, 'person_income', [...latest.values()], ['person_id', 'source_id'], { newerBy: 'period' });
    await this.refreshIncomes([...households]);
  }

  /** Works out the deferred households' incomes and programmes; the caller does so once per transaction, before it commits. */
  async refreshDeferred(deferred: DeferredRefresh): Promise<void> {
    await this.writer.upsert(this.trx, 'person_income', [...deferred.incomeFacts.values()], ['person_id', 'source_id'], { newerBy: 'period' });
    deferred.incomeFacts.clear();
    await this.computeIncomes([...deferred.incomes]);
    await this.computeProgrammes([...deferred.programmes]);
    deferred.incomes.clear();
    deferred.programmes.clear();
  }

  private async refreshIncomes(householdIds: readonly string[]): Promise<void> {
    if (this.ctx.deferred) for (const id of householdIds) this.ctx.deferred.incomes.add(id);
    else await this.computeIncomes(householdIds);
  }

  private async computeIncomes(householdIds: readonly string[]): Promise<void> {
    for (let i = 0; i < householdIds.length; i += 500) {
      const ids = householdIds.slice(i, i + 500);
      const rows = await this.trx.selectFrom('person_income').innerJoin('person', 'person.id', 'person_income.person_id')
        .select(['person.household_id', 'person.id', 'person_income.kind', 'person_income.annual_fen'])
        .where('person.household_id', 'in', ids).where('person.status', '=', 'active').execute();
      const byPerson = new Map<string, { household: string; facts: { kind: 'wage' | 'pension' | 'benefit'; annualFen: number }[] }>();
      for (const r of rows) {
        const entry = byPerson.get(r.id) ?? { household: r.household_id as string, facts: [] };
        entry.facts.push({ kind: r.kind, annualFen: Number(r.annual_fen) });
        byPerson.set(r.id, entry);
      }
      const totals = new Map<string, number>();
      for (const { household, facts } of byPerson.values()) totals.set(household, (totals.get(household) ?? 0) + personAnnualIncome(facts));
      await this.writer.updateMany(this.trx, 'household', 'id', { annual_income_fen: 'bigint' }, ids.map((id) => ({ id, annual_income_fen: totals.get(id) ?? 0, updated_at: this.ctx.receivedAt })));
    }
  }

  // ── The household register ──────────────────────────────────────────────────────────────

  private async register(rows: readonly ProjectedRow[], linked: Map<number, KnownPerson>): Promise<void> {
    const { ctx, trx } = this;
    const householdNos = [...new Set(rows.map((r) => String(r.values.householdNo)).filter((no) => !ctx.households.has(no)))];
    for (let i = 0; i < householdNos.length; i += 500) {
      const found = await trx.selectFrom('household').select(['id', 'external_key']).where('external_key', 'in', householdNos.slice(i, i + 500)).execute();
      for (const h of found) ctx.households.set(h.external_key, h.id);
    }
    const newHouseholds = [];
    const newPersons = [];
    const history: HouseholdHistoryTable[] = [];
    const moves: { personId: string; householdId: string | null; relation: string; status: 'active' | 'deceased' | 'moved_out' }[] = [];
    const touched = new Set<string>();
    const deaths: { row: ProjectedRow; diedOn: string }[] = [];
    const phones = new Map<string, string>();
    for (const row of rows) {
      const v = row.values;
      const householdNo = String(v.householdNo);
      const phone = typeof v.phone === 'string' && v.relationToHead === '户主' ? v.phone : null;
      let householdId = ctx.households.get(householdNo);
      if (!householdId) {
        householdId = newId();
        ctx.households.set(householdNo, householdId);
        newHouseholds.push(householdRow(this.keys, {
          id: householdId, externalKey: householdNo, communityCode: String(v.communityCode), address: String(v.address), phone,
          annualIncomeFen: 0, memberCount: 0, programme: null,
        }, ctx.receivedAt));
      } else if (phone) {
        phones.set(householdId, phone);
      }
      const status = v.registrationStatus === '死亡注销' ? 'deceased' : v.registrationStatus === '迁出' || v.registrationStatus === '其他注销' ? 'moved_out' : 'active';
      const relation = String(v.relationToHead);
      const residentId = String(v.residentId);
      const hash = row.subjectHash as string;
      const since = (v.movedInOn as string | null) ?? ctx.today;
      const known = ctx.persons.get(hash);
      const targetHousehold = status === 'moved_out' ? null : householdId;
      touched.add(householdId);
      if (!known) {
        const id = newId();
        newPersons.push({ ...personRow(this.keys, { id, residentId, name: String(v.name), sex: sexOfId(residentId), birthDate: birthDateOfId(residentId), householdId: targetHousehold, relation }, ctx.receivedAt), status });
        if (targetHousehold) history.push({ person_id: id, household_id: targetHousehold, relation, from_on: since, to_on: null, batch_id: ctx.batchId, row_number: row.rowNumber });
        const person = { id, household_id: targetHousehold };
        ctx.persons.set(hash, person);
        linked.set(row.rowNumber, person);
      } else {
        if (known.household_id && known.household_id !== targetHousehold) touched.add(known.household_id);
        moves.push({ personId: known.id, householdId: targetHousehold, relation, status });
        if (known.household_id !== targetHousehold) {
          if (targetHousehold) history.push({ person_id: known.id, household_id: targetHousehold, relation, from_on: since, to_on: null, batch_id: ctx.batchId, row_number: row.rowNumber });
          known.household_id = targetHousehold;
        }
      }
      if (status === 'deceased') deaths.push({ row, diedOn: since });
    }
    await this.writer.insert(trx, 'household', newHouseholds);
    await this.writer.insert(trx, 'person', newPersons);
    for (const move of moves) {
      const current = await trx.selectFrom('person').select(['household_id']).where('id', '=', move.personId).executeTakeFirst();
      if (current && current.household_id !== move.householdId) {
        await trx.updateTable('household_history').set({ to_on: ctx.today }).where('person_id', '=', move.personId).where('to_on', 'is', null).execute();
      }
      await trx.updateTable('person').set({ household_id: move.householdId, relation: move.relation, status: move.status, updated_at: ctx.receivedAt })
        .where('id', '=', move.personId).execute();
    }
    await this.writer.insert(trx, 'household_history', history);
    // The household's contact phone is its head's.
    for (const [id, phone] of phones) {
      await trx.updateTable('household').set(phoneColumns(this.keys, phone)).where('id', '=', id).execute();
    }
    if (deaths.length > 0) await this.deaths(deaths);
    await this.refreshHouseholds([...touched]);
  }

  /** Member counts and the memberships that follow from who lives in the household. */
  private async refreshHouseholds(householdIds: readonly string[]): Promise<void> {
    const { trx, ctx } = this;
    for (let i = 0; i < householdIds.length; i += 500) {
      const ids = householdIds.slice(i, i + 500);
      const members = await trx.selectFrom('person').select(['id', 'household_id', 'birth_date', 'status'])
        .where('household_id', 'in', ids).execute();
      const history = await trx.selectFrom('household_history').select(['person_id', 'from_on'])
        .where('household_id', 'in', ids).where('to_on', 'is', null).execute();
      const since = new Map(history.map((h) => [h.person_id, h.from_on]));
      const living = new Map<string, typeof members>();
      for (const m of members) if (m.status === 'active') living.set(m.household_id as string, [...(living.get(m.household_id as string) ?? []), m]);
      await this.writer.updateMany(trx, 'household', 'id', { member_count: 'integer' }, ids.map((id) => ({ id, member_count: living.get(id)?.length ?? 0, updated_at: ctx.receivedAt })));
      const rows: GroupMembershipTable[] = [];
      const current = new Map<string, Set<string>>();
      for (const m of members) {
        const household = living.get(m.household_id as string) ?? [];
        const facts = m.status === 'active' ? membershipsFromHousehold({ birthDate: m.birth_date, householdSize: household.length, since: since.get(m.id) ?? ctx.today }, ctx.today) : [];
        current.set(m.id, new Set(facts.map((f) => f.groupId)));
        for (const fact of facts) rows.push(this.membership(m.id, m.household_id, HOUSEHOLD_SOURCE, `${HOUSEHOLD_KEY}${m.id}`, fact, null));
      }
      await this.upsertMemberships(rows);
      // Memberships the household no longer supports (a second person moved in, a death) end today.
      const open = await trx.selectFrom('group_membership').select(['record_key', 'group_id', 'person_id'])
        .where('source_id', '=', HOUSEHOLD_SOURCE).where('household_id', 'in', ids).where('status', '=', 'active').execute();
      for (const m of open) {
        if (!current.get(m.person_id)?.has(m.group_id)) await this.endMembership(HOUSEHOLD_SOURCE, m.record_key, m.group_id);
      }
      // Who lives in the household decides whose income counts.
      await this.refreshIncomes(ids);
    }
  }

  // ── Rosters: groups and programmes ──────────────────────────────────────────────────────

  private async rosters(rows: readonly ProjectedRow[]): Promise<void> {
    const { ctx, trx } = this;
    const sourceId = ctx.source.id;
    const memberships: GroupMembershipTable[] = [];
    const enrolments: ProgrammeEnrolmentTable[] = [];
    const ended: { key: string; keep: Set<string> }[] = [];
    const touched = new Set<string>();
    const facts = rows.map((row) => ({ row, programme: programmeFromRecord(sourceId, row.values, ctx.today) }));
    // The same person already enrolled under another roster household: which ones, per programme.
    const rosterHouseholds = await this.activeRosterHouseholds(facts.flatMap(({ row, programme }) => {
      const person = row.subjectHash ? ctx.persons.get(row.subjectHash) : null;
      return person && programme?.rosterHouseholdNo ? [person.id] : [];
    }));
    // Someone the database does not hold, in a feed that reports difficulty (a disability, a disaster): a lead, not a conflict.
    const raisesSignals = ctx.source.produces.includes('signals');
    const uncovered: ProjectedRow[] = [];
    for (const { row, programme } of facts) {
      const person = row.subjectHash ? ctx.persons.get(row.subjectHash) ?? null : null;
      if (!person && raisesSignals) {
        uncovered.push(row);
        continue;
      }
      if (!person?.household_id) {
        await this.raise('roster_without_household', row, person?.id ?? null, {
          source: sourceId, recordKey: row.key, name: String(row.values.name ?? ''), rosterRow: this.rosterFacts(row),
          reason: person ? 'the person is in the registry but in no household' : 'the household register has no such person',
          reasonZh: person ? '此人在库中但不属于任何家庭' : '户籍信息中查无此人',
        });
        continue;
      }
      if (programme?.rosterHouseholdNo && programme.status === 'active') {
        const key = `${person.id}|${programme.programme}`;
        const other = rosterHouseholds.get(key);
        if (other && other.householdNo !== programme.rosterHouseholdNo && other.recordKey !== row.key) {
          await this.raise('id_in_two_households', row, person.id, {
            source: sourceId, recordKey: row.key, name: String(row.values.name ?? ''), programme: programme.programme,
            householdNo: programme.rosterHouseholdNo, otherHouseholdNo: other.householdNo, otherRecordKey: other.recordKey,
            reason: `already enrolled in ${programme.programme} with household ${other.householdNo}`,
            reasonZh: `已在户编号 ${other.householdNo} 中享受${programme.programme === 'dibao' ? '低保' : '低保边缘'}`,
          });
          continue;
        }
        rosterHouseholds.set(key, { householdNo: programme.rosterHouseholdNo, recordKey: row.key });
      }
      const residentId = String(row.values.residentId);
      const groupFacts = membershipsFromRecord(sourceId, row.values, birthDateOfId(residentId), ctx.today);
      for (const fact of groupFacts) memberships.push(this.membership(person.id, person.household_id, sourceId, row.key, fact, row.rowNumber));
      if (!row.firstVersion) ended.push({ key: row.key, keep: new Set(groupFacts.map((f) => f.groupId)) });
      if (programme) {
        enrolments.push({
          source_id: sourceId, record_key: row.key, programme: programme.programme, person_id: person.id, household_id: person.household_id,
          roster_household_no: programme.rosterHouseholdNo, amount_fen: programme.amountFen, started_on: programme.startedOn, ended_on: programme.endedOn,
          status: programme.status, batch_id: ctx.batchId, row_number: row.rowNumber, updated_at: ctx.receivedAt,
        });
        touched.add(person.household_id);
      }
    }
    await this.upsertMemberships(memberships);
    // A record's new version that no longer qualifies for a group (grade 1 → grade 3) ends that membership.
    const keys = ended.map((e) => e.key);
    for (let i = 0; i < keys.length; i += 500) {
      const open = await trx.selectFrom('group_membership').select(['record_key', 'group_id'])
        .where('source_id', '=', sourceId).where('record_key', 'in', keys.slice(i, i + 500)).where('status', '=', 'active').execute();
      const keep = new Map(ended.map((e) => [e.key, e.keep]));
      for (const m of open) if (!keep.get(m.record_key)?.has(m.group_id)) await this.endMembership(sourceId, m.record_key, m.group_id);
    }
    await this.writer.upsert(trx, 'programme_enrolment', enrolments, ['source_id', 'record_key']);
    await this.refreshProgrammes([...touched]);
    await this.leads(uncovered);
  }

  private async activeRosterHouseholds(personIds: readonly string[]): Promise<Map<string, { householdNo: string; recordKey: string }>> {
    const found = new Map<string, { householdNo: string; recordKey: string }>();
    const unique = [...new Set(personIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.trx.selectFrom('programme_enrolment').select(['person_id', 'programme', 'roster_household_no', 'record_key'])
        .where('person_id', 'in', unique.slice(i, i + 500)).where('status', '=', 'active').where('roster_household_no', 'is not', null).execute();
      for (const r of rows) found.set(`${r.person_id}|${r.programme}`, { householdNo: r.roster_household_no as string, recordKey: r.record_key });
    }
    return found;
  }

  /** The household's programme is its strongest active enrolment. */
  private async refreshProgrammes(householdIds: readonly string[]): Promise<void> {
    if (this.ctx.deferred) for (const id of householdIds) this.ctx.deferred.programmes.add(id);
    else await this.computeProgrammes(householdIds);
  }

  private async computeProgrammes(householdIds: readonly string[]): Promise<void> {
    for (let i = 0; i < householdIds.length; i += 500) {
      const ids = householdIds.slice(i, i + 500);
      const active = await this.trx.selectFrom('programme_enrolment').select(['household_id', 'programme'])
        .where('household_id', 'in', ids).where('status', '=', 'active').execute();
      const best = new Map<string, string>();
      for (const a of active) {
        const current = best.get(a.household_id as string);
        if ((PROGRAMME_RANK[a.programme] ?? 0) > (current ? PROGRAMME_RANK[current] ?? 0 : 0)) best.set(a.household_id as string, a.programme);
      }
      await this.writer.updateMany(this.trx, 'household', 'id', {}, ids.map((id) => ({ id, programme: best.get(id) ?? null, updated_at: this.ctx.receivedAt })));
    }
  }

  // ── Deaths ──────────────────────────────────────────────────────────────────────────────

  private async deaths(deaths: readonly { row: ProjectedRow; diedOn: string }[]): Promise<void> {
    const { ctx, trx } = this;
    const known = deaths.flatMap(({ row, diedOn }) => {
      const person = row.subjectHash ? ctx.persons.get(row.subjectHash) : null;
      return person ? [{ row, diedOn, person }] : [];
    });
    if (known.length === 0) return;
    const enrolled = new Map<string, ProgrammeKind[]>();
    const ids = known.map((k) => k.person.id);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom('programme_enrolment').select(['person_id', 'programme'])
        .where('person_id', 'in', ids.slice(i, i + 500)).where('status', '=', 'active').execute();
      for (const r of rows) if (ENROLMENT_PROGRAMMES.has(r.programme)) enrolled.set(r.person_id, [...(enrolled.get(r.person_id) ?? []), r.programme]);
    }
    const households = new Set<string>();
    for (const { row, diedOn, person } of known) {
      await trx.updateTable('person').set({ status: 'deceased', died_on: diedOn, updated_at: ctx.receivedAt }).where('id', '=', person.id).execute();
      if (person.household_id) households.add(person.household_id);
      const programmes = enrolled.get(person.id);
      // The enrolment is not ended here: stopping payment is a decision, with its own procedure.
      if (programmes) {
        await this.raise('death_of_enrolled', row, person.id, {
          source: ctx.source.id, recordKey: row.key, name: String(row.values.name ?? ''), diedOn, programmes,
          reason: `a death on ${diedOn} is recorded for a person still enrolled in ${programmes.join(', ')}`,
          reasonZh: `死亡日期 ${diedOn}，但仍在享受${programmes.map((p) => ({ dibao: '低保', marginal: '低保边缘', special_hardship: '特困供养', temporary_assistance: '临时救助' })[p]).join('、')}`,
        });
      }
    }
    if (ctx.source.id === 'death-record') await this.refreshHouseholds([...households]);
  }

  // ── Leads: in difficulty, not covered ───────────────────────────────────────────────────

  private async leads(rows: readonly ProjectedRow[]): Promise<void> {
    const { ctx, trx } = this;
    const uncovered = rows.flatMap((row) => {
      if (!row.subjectHash || ctx.persons.get(row.subjectHash)) return [];
      const signals = (row.signals ?? signalsFromRecord(ctx.source.id, row.values)).filter((s) => s.kind !== 'death');
      return signals.length > 0 ? [{ row, signals }] : [];
    });
    if (uncovered.length === 0) return;
    const hashes = [...new Set(uncovered.map((u) => u.row.subjectHash as string))];
    const existing = new Map<string, string>();
    for (let i = 0; i < hashes.length; i += 500) {
      const found = await trx.selectFrom('lead').select(['id', 'id_hash']).where('id_hash', 'in', hashes.slice(i, i + 500)).execute();
      for (const l of found) existing.set(l.id_hash, l.id);
    }
    const evidence = [];
    const touched = new Set<string>();
    for (const { row, signals } of uncovered) {
      const hash = row.subjectHash as string;
      let leadId = existing.get(hash);
      if (!leadId) {
        leadId = newId();
        existing.set(hash, leadId);
        const residentId = String(row.values.residentId);
        await trx.insertInto('lead').values({
          id: leadId, id_hash: hash, id_enc: this.keys.encrypt(residentId), id_masked: maskResidentId(residentId), name: String(row.values.name ?? ''),
          community_code: typeof row.values.communityCode === 'string' ? row.values.communityCode : null, status: 'open', signal_count: 0,
          max_amount_fen: null, kinds: '', first_seen_at: ctx.receivedAt, last_seen_at: ctx.receivedAt, reviewed_at: null, reviewed_by: null, review_reason: null, person_id: null,
        }).execute();
      }
      touched.add(leadId);
      for (const s of signals) {
        evidence.push({ lead_id: leadId, source_id: ctx.source.id, record_key: row.key, kind: s.kind, occurred_on: s.occurredOn, amount_fen: s.amountFen, batch_id: ctx.batchId, row_number: row.rowNumber });
      }
    }
    await this.writer.upsert(trx, 'lead_evidence', evidence, ['lead_id', 'source_id', 'record_key', 'kind']);
    for (const leadId of touched) {
      const summary = await trx.selectFrom('lead_evidence').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('amount_fen').as('max')])
        .where('lead_id', '=', leadId).executeTakeFirstOrThrow();
      const kinds = await trx.selectFrom('lead_evidence').select('kind').distinct().where('lead_id', '=', leadId).orderBy('kind').execute();
      await trx.updateTable('lead').set({
        signal_count: Number(summary.n), max_amount_fen: summary.max === null ? null : Number(summary.max), kinds: kinds.map((k) => k.kind).join(','), last_seen_at: ctx.receivedAt,
      }).where('id', '=', leadId).execute();
    }
  }

  // ── Shared ──────────────────────────────────────────────────────────────────────────────

  /**
   * The roster row's own facts a steward needs to find the person (community, dates, categories),
   * under the department's headers; never the ID or the phone.
   */
  private rosterFacts(row: ProjectedRow): Record<string, FieldValue> {
    const facts: Record<string, FieldValue> = {};
    for (const field of this.ctx.source.fields) {
      const value = row.values[field.key];
      if (value === null || value === undefined) continue;
      if (field.type === 'community_code' || field.type === 'date' || field.type === 'enum' || field.key === 'householdNo') facts[field.headers[0] ?? field.key] = value;
    }
    return facts;
  }

  private membership(personId: string, householdId: string | null, sourceId: string, recordKey: string, fact: GroupMembershipFact, rowNumber: number | null): GroupMembershipTable {
    return {
      person_id: personId, household_id: householdId, group_id: fact.groupId, source_id: sourceId, record_key: recordKey, started_on: fact.startedOn,
      ended_on: fact.endedOn, status: fact.status, batch_id: rowNumber === null ? null : this.ctx.batchId, row_number: rowNumber, updated_at: this.ctx.receivedAt,
    };
  }

  private async upsertMemberships(rows: readonly GroupMembershipTable[]): Promise<void> {
    await this.writer.upsert(this.trx, 'group_membership', rows, ['source_id', 'record_key', 'group_id']);
  }

  private async endMembership(sourceId: string, recordKey: string, groupId: string): Promise<void> {
    await this.trx.updateTable('group_membership').set({ status: 'ended', ended_on: this.ctx.today, updated_at: this.ctx.receivedAt })
      .where('source_id', '=', sourceId).where('record_key', '=', recordKey).where('group_id', '=', groupId).execute();
  }

  /** Into the data-quality queue; a record sent again updates its issue's evidence, whatever its status. */
  private async raise(kind: DataQualityKind, row: ProjectedRow, personId: string | null, evidence: Record<string, unknown>): Promise<void> {
    const residentId = String(row.values.residentId ?? '');
    await this.trx.insertInto('data_quality_issue').values({
      id: newId(), kind, status: 'open', person_id: personId, id_hash: row.subjectHash ?? '', id_masked: residentId ? maskResidentId(residentId) : '',
      name: String(row.values.name ?? ''), community_code: typeof row.values.communityCode === 'string' ? row.values.communityCode : await this.communityOf(personId),
      source_id: this.ctx.source.id, record_key: row.key, batch_id: this.ctx.batchId, row_number: row.rowNumber,
      evidence: JSON.stringify(evidence), created_at: this.ctx.receivedAt, resolved_at: null, resolved_by: null, resolution_note: null,
    }).onConflict((oc) => oc.columns(['kind', 'source_id', 'record_key']).doUpdateSet((eb) => ({
      evidence: eb.ref('excluded.evidence'), batch_id: eb.ref('excluded.batch_id'), row_number: eb.ref('excluded.row_number'), person_id: eb.ref('excluded.person_id'),
    }))).execute();
  }

  private async communityOf(personId: string | null): Promise<string | null> {
    if (!personId) return null;
    const row = await this.trx.selectFrom('person').innerJoin('household', 'household.id', 'person.household_id')
      .select('household.community_code').where('person.id', '=', personId).executeTakeFirst();
    return row?.community_code ?? null;
  }
}
