import { addDays, birthDateOfId, POPULATION_GROUPS, sexOfId, sourceById } from '@shouwang/domain';
import type { DataQualityIssue, DataQualityList, Lead, LeadList, QueueQuery, RegistryOverview, ResolveIssueBody, ReviewLeadBody } from '@shouwang/contract';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize } from '../accounts/permissions.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import { RowsWriter } from '../db/rows-writer.js';
import type { Database, DataQualityIssueTable, LeadTable } from '../db/schema.js';
import { AppError, NotFoundError, ValidationError } from '../http/errors.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { openPayload } from '../intake/payload-blocks.js';
import { recordKeyHash } from '../intake/record-key-hash.js';
import { withinScope, type Scope } from '../territory/scope.js';
import type { TerritoryRepository } from '../territory/territory.repository.js';
import { EvaluationQueue } from '../warnings/evaluation-queue.js';
import { RegistryProjector } from './registry-projector.js';
import { RegistryRepository } from './registry.repository.js';
import { householdRow, personRow } from './registry-rows.js';

const NoHouseholdYetError = () => new AppError(409, 'no_household_yet', 'The household register still has no household for this person; nothing was applied.');
const RecordSupersededError = () => new AppError(409, 'record_superseded', 'The source record is no longer current; resolve or dismiss the issue instead.');
const AlreadyReviewedError = () => new AppError(409, 'already_reviewed', 'This lead has already been reviewed.');

/** Issues and leads without a community are the city's: only a city-wide scope sees them. */
function scoped<T extends 'data_quality_issue' | 'lead'>(scope: Scope) {
  const cityWide = scope.territoryCodes.some((code) => code.length <= 4);
  return (eb: ExpressionBuilder<Database, T>) =>
    cityWide ? eb.or([withinScope(eb, 'community_code', scope), eb(eb.ref('community_code' as never), 'is', null)]) : withinScope(eb, 'community_code', scope);
}

/**
 * The registry's review work: the database at a glance, the data-quality queue (conflicts
 * between feeds, each resolved by a person with a note) and leads (people in difficulty the
 * database does not cover: add them, or dismiss with a reason). Every decision is audited.
 */
export class RegistryReviewService {
  private readonly writer: RowsWriter;

  constructor(
    private readonly db: Db,
    private readonly keys: PersonalDataKeys,
    private readonly territory: TerritoryRepository,
    private readonly clock: { now(): Date; today(): string },
    /** Evaluates the households a decision queued (a lead added with its signals). */
    private readonly evaluate: () => Promise<void>,
  ) {
    this.writer = new RowsWriter(db);
  }

  async overview(user: SessionUser): Promise<RegistryOverview> {
    authorize(user, 'registry.read');
    const scope = { territoryCodes: user.territoryCodes };
    const registry = new RegistryRepository(this.db);
    const [counts, groups, programmes] = await Promise.all([registry.counts(scope), registry.groupCounts(scope), registry.programmeCounts(scope, addDays(this.clock.today(), -182))]);
    const byGroup = new Map(groups.map((g) => [g.group_id, g]));
    const k = this.db.kysely;
    const open = async (table: 'data_quality_issue' | 'lead') => Number((await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open').where(scoped(scope)).executeTakeFirstOrThrow()).n);
    return {
      persons: counts.persons, households: counts.households,
      groups: POPULATION_GROUPS.map((g) => ({
        id: g.id, nameZh: g.nameZh, nameEn: g.nameEn, department: g.department,
        persons: Number(byGroup.get(g.id)?.persons ?? 0), households: Number(byGroup.get(g.id)?.households ?? 0),
      })),
      programmes: (['dibao', 'marginal', 'special_hardship', 'temporary_assistance'] as const).map((programme) => {
        const row = programmes.find((p) => p.programme === programme);
        return { programme, households: row?.households ?? 0, persons: row?.persons ?? 0, monthlyAmountFen: row?.amountFen ?? 0 };
      }),
      openIssues: user.role === 'city_admin' ? await open('data_quality_issue') : 0,
      openLeads: user.role === 'city_admin' ? await open('lead') : 0,
    };
  }

  // ── Data quality ────────────────────────────────────────────────────────────────────────

  async issues(user: SessionUser, query: QueueQuery): Promise<DataQualityList> {
    authorize(user, 'registry.review');
    const scope = { territoryCodes: user.territoryCodes };
    let base = this.db.kysely.selectFrom('data_quality_issue').where(scoped(scope));
    if (query.status === 'open') base = base.where('status', '=', 'open');
    if (query.status === 'closed') base = base.where('status', '!=', 'open');
    const byKind = await base.select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
    if (query.kind) base = base.where('kind', '=', query.kind as DataQualityIssueTable['kind']);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(query.offset).limit(query.limit).execute();
    return { items: await Promise.all(rows.map((r) => this.presentIssue(r))), total, byKind: Object.fromEntries(byKind.map((b) => [b.kind, Number(b.n)])) };
  }

  async resolveIssue(user: SessionUser, id: string, body: ResolveIssueBody): Promise<DataQualityIssue> {
    authorize(user, 'registry.review');
    const issue = await this.db.kysely.selectFrom('data_quality_issue').selectAll().where('id', '=', id).where(scoped({ territoryCodes: user.territoryCodes })).executeTakeFirst();
    if (!issue) throw NotFoundError('Issue');
    if (issue.status !== 'open') throw new AppError(409, 'already_resolved', 'This issue has already been resolved.');
    if (body.action === 'reapply') await this.reapply(issue);
    const now = this.clock.now().toISOString();
    await this.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('data_quality_issue').set({ status: body.action === 'dismiss' ? 'dismissed' : 'resolved', resolved_at: now, resolved_by: user.id, resolution_note: body.note })
        .where('id', '=', id).execute();
      await new AuditRepository(trx).append({ userId: user.id, action: `data_quality.${body.action}`, subjectType: 'data_quality_issue', subjectId: id, detail: { kind: issue.kind, note: body.note } }, now);
    });
    const updated = await this.db.kysely.selectFrom('data_quality_issue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return this.presentIssue(updated);
  }

  /** Applies the issue's current source record to the registry again, now that the household may be known. */
  private async reapply(issue: DataQualityIssueTable): Promise<void> {
    if (issue.kind !== 'roster_without_household') throw ValidationError('Only a roster record whose person had no household can be applied again.');
    const source = sourceById(issue.source_id);
    const record = await this.db.kysely.selectFrom('intake_record').select(['payload_enc', 'payload_block', 'payload_index', 'row_number', 'batch_id'])
      .where('key_hash', '=', recordKeyHash(issue.source_id, issue.record_key))
      .where('source_id', '=', issue.source_id).where('record_key', '=', issue.record_key).where('is_current', '=', 1).executeTakeFirst();
    if (!source || !record) throw RecordSupersededError();
    const person = await this.db.kysely.selectFrom('person').select(['id', 'household_id']).where('id_hash', '=', issue.id_hash).executeTakeFirst();
    if (!person?.household_id) throw NoHouseholdYetError();
    const cells = await openPayload(this.db.kysely, this.keys, record);
    const values = Object.fromEntries(source.fields.map((f, i) => [f.key, cells[i] ?? null]));
    await this.db.kysely.transaction().execute(async (trx) => {
      await new RegistryProjector(trx, this.writer, this.keys, {
        source, batchId: record.batch_id, today: this.clock.today(), receivedAt: this.clock.now().toISOString(),
        persons: new Map([[issue.id_hash, person]]), households: new Map(),
      }).apply([{ rowNumber: record.row_number, key: issue.record_key, values, subjectHash: issue.id_hash }]);
      await trx.updateTable('intake_record').set({ person_id: person.id })
        .where('key_hash', '=', recordKeyHash(issue.source_id, issue.record_key))
        .where('source_id', '=', issue.source_id).where('record_key', '=', issue.record_key).where('is_current', '=', 1).execute();
    });
  }

  private async presentIssue(r: DataQualityIssueTable): Promise<DataQualityIssue> {
    const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
    const place = r.community_code ? await this.territory.placeOf(r.community_code) : undefined;
    const household = r.person_id ? await this.db.kysely.selectFrom('person').select('household_id').where('id', '=', r.person_id).executeTakeFirst() : undefined;
    return {
      id: r.id, kind: r.kind, status: r.status, name: r.name, residentId: r.id_masked, communityCode: r.community_code, communityName: place?.communityName ?? '',
      householdId: household?.household_id ?? null, sourceId: r.source_id, batchId: r.batch_id, rowNumber: r.row_number,
      reason: String(evidence.reason ?? ''), reasonZh: String(evidence.reasonZh ?? ''), evidence, createdAt: r.created_at, resolvedAt: r.resolved_at, resolutionNote: r.resolution_note,
    };
  }

  // ── Leads ───────────────────────────────────────────────────────────────────────────────

  async leads(user: SessionUser, query: QueueQuery): Promise<LeadList> {
    authorize(user, 'registry.review');
    let base = this.db.kysely.selectFrom('lead').where(scoped({ territoryCodes: user.territoryCodes }));
    if (query.status === 'open') base = base.where('status', '=', 'open');
    if (query.status === 'closed') base = base.where('status', '!=', 'open');
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base.selectAll().orderBy('max_amount_fen', 'desc').orderBy('last_seen_at', 'desc').orderBy('id').offset(query.offset).limit(query.limit).execute();
    return { items: await Promise.all(rows.map((r) => this.presentLead(r))), total };
  }

  async reviewLead(user: SessionUser, id: string, body: ReviewLeadBody): Promise<Lead> {
    authorize(user, 'registry.review');
    const lead = await this.db.kysely.selectFrom('lead').selectAll().where('id', '=', id).where(scoped({ territoryCodes: user.territoryCodes })).executeTakeFirst();
    if (!lead) throw NotFoundError('Lead');
    if (lead.status !== 'open') throw AlreadyReviewedError();
    const now = this.clock.now().toISOString();
    if (body.action === 'dismiss') {
      await this.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('lead').set({ status: 'dismissed', reviewed_at: now, reviewed_by: user.id, review_reason: body.reason }).where('id', '=', id).execute();
        await new AuditRepository(trx).append({ userId: user.id, action: 'lead.dismiss', subjectType: 'lead', subjectId: id, detail: { reason: body.reason } }, now);
      });
    } else {
      if (!(await this.territory.placeOf(body.communityCode))) throw ValidationError(`There is no community ${body.communityCode}.`, [{ field: 'communityCode', message: 'unknown community code' }]);
      if (!user.territoryCodes.some((code) => body.communityCode.startsWith(code))) throw ValidationError('The community is outside your territory.', [{ field: 'communityCode', message: 'outside your territory' }]);
      await this.db.kysely.transaction().execute(async (trx) => this.addToDatabase(trx, user, lead, body, now));
      await this.evaluate();
    }
    return this.presentLead(await this.db.kysely.selectFrom('lead').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  /** A new household with the lead as its head; the records that raised the lead are linked to it and evaluated. */
  private async addToDatabase(trx: Kysely<Database>, user: SessionUser, lead: LeadTable, body: Extract<ReviewLeadBody, { action: 'add' }>, now: string): Promise<void> {
    const residentId = this.keys.decrypt(lead.id_enc);
    const existing = await trx.selectFrom('person').select(['id', 'household_id']).where('id_hash', '=', lead.id_hash).executeTakeFirst();
    let householdId = existing?.household_id ?? null;
    let personId = existing?.id ?? null;
    if (!householdId || !personId) {
      householdId = newId();
      personId = newId();
      await this.writer.insert(trx, 'household', [householdRow(this.keys, {
        id: householdId, externalKey: `LEAD-${lead.id}`, communityCode: body.communityCode, address: body.address, phone: null, annualIncomeFen: 0, memberCount: 1, programme: null,
      }, now)]);
      await this.writer.insert(trx, 'person', [personRow(this.keys, {
        id: personId, residentId, name: lead.name, sex: sexOfId(residentId), birthDate: birthDateOfId(residentId), householdId, relation: '户主',
      }, now)]);
      await trx.insertInto('household_history').values({ person_id: personId, household_id: householdId, relation: '户主', from_on: this.clock.today(), to_on: null, batch_id: null, row_number: null }).execute();
    }
    const evidence = await trx.selectFrom('lead_evidence').select(['source_id', 'record_key']).where('lead_id', '=', lead.id).execute();
    for (const e of evidence) {
      const keyHash = recordKeyHash(e.source_id, e.record_key);
      await trx.updateTable('signal').set({ person_id: personId, household_id: householdId }).where('key_hash', '=', keyHash)
        .where('source_id', '=', e.source_id).where('record_key', '=', e.record_key).where('person_id', 'is', null).execute();
      await trx.updateTable('intake_record').set({ person_id: personId }).where('key_hash', '=', keyHash)
        .where('source_id', '=', e.source_id).where('record_key', '=', e.record_key).where('person_id', 'is', null).execute();
    }
    await new EvaluationQueue(trx).enqueue([householdId], now);
    await trx.updateTable('lead').set({ status: 'added', reviewed_at: now, reviewed_by: user.id, review_reason: body.note ?? null, person_id: personId }).where('id', '=', lead.id).execute();
    await new AuditRepository(trx).append({ userId: user.id, action: 'lead.add', subjectType: 'lead', subjectId: lead.id, detail: { householdId, communityCode: body.communityCode } }, now);
  }

  private async presentLead(r: LeadTable): Promise<Lead> {
    const place = r.community_code ? await this.territory.placeOf(r.community_code) : undefined;
    const evidence = await this.db.kysely.selectFrom('lead_evidence').selectAll().where('lead_id', '=', r.id).orderBy('occurred_on', 'desc').limit(20).execute();
    const household = r.person_id ? await this.db.kysely.selectFrom('person').select('household_id').where('id', '=', r.person_id).executeTakeFirst() : undefined;
    return {
      id: r.id, name: r.name, residentId: r.id_masked, communityCode: r.community_code, communityName: place?.communityName ?? '', status: r.status,
      signalCount: r.signal_count, maxAmountFen: r.max_amount_fen === null ? null : Number(r.max_amount_fen), kinds: r.kinds ? r.kinds.split(',') : [],
      firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, reviewReason: r.review_reason, householdId: household?.household_id ?? null,
      evidence: evidence.map((e) => ({ sourceId: e.source_id, kind: e.kind, occurredOn: e.occurred_on, amountFen: e.amount_fen === null ? null : Number(e.amount_fen), batchId: e.batch_id, rowNumber: e.row_number })),
    };
  }
}
