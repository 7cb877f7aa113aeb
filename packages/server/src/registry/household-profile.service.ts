import { ageOn } from '@shouwang/domain';
import type { HouseholdProfile, ReadReason } from '@shouwang/contract';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize } from '../accounts/permissions.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../http/errors.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { TerritoryRepository } from '../territory/territory.repository.js';
import { RegistryRepository } from './registry.repository.js';

/** A household's full record: an audited read that says who, when, which household and why. */
export class HouseholdProfileService {
  constructor(private readonly db: Db, private readonly territory: TerritoryRepository, private readonly keys: PersonalDataKeys, private readonly today: () => string) {}

  async profile(user: SessionUser, householdId: string, reason: ReadReason): Promise<HouseholdProfile> {
    authorize(user, 'warnings.read');
    const registry = new RegistryRepository(this.db);
    const household = await registry.findHouseholdInScope(householdId, { territoryCodes: user.territoryCodes });
    if (!household) throw NotFoundError('Household');
    const [members, warnings, signals, place, groups, enrolments] = await Promise.all([
      registry.members(household.id), registry.householdWarnings(household.id), registry.householdSignals(household.id, 50),
      this.territory.placeOf(household.community_code), registry.householdGroups(household.id), registry.householdEnrolments(household.id),
    ]);
    await new AuditRepository(this.db.kysely).append(
      { userId: user.id, action: 'household.read', subjectType: 'household', subjectId: household.id, detail: { via: 'profile', reason } },
      new Date().toISOString(),
    );
    const head = members.find((m) => m.relation === '户主') ?? members[0];
    return {
      id: household.id, headName: head?.name ?? '', address: this.keys.decrypt(household.address_enc),
      phone: household.phone_enc ? this.keys.decrypt(household.phone_enc) : null, communityCode: household.community_code,
      communityName: place?.communityName ?? '', subdistrictName: place?.subdistrictName ?? '', districtName: place?.districtName ?? '',
      annualIncomeFen: household.annual_income_fen, programme: household.programme,
      members: members.map((m) => ({ personId: m.id, name: m.name, residentId: m.id_masked, relation: m.relation, sex: m.sex, age: ageOn(m.birth_date, this.today()), status: m.status })),
      groups: groups.map((g) => ({
        groupId: g.group_id, memberName: g.name, status: g.status, startedOn: g.started_on, endedOn: g.ended_on, sourceId: g.source_id,
        batchId: g.batch_id, rowNumber: g.row_number, updatedAt: g.updated_at,
      })),
      programmes: enrolments.map((e) => ({
        programme: e.programme, memberName: e.name, status: e.status, amountFen: Number(e.amount_fen), startedOn: e.started_on, endedOn: e.ended_on,
        rosterHouseholdNo: e.roster_household_no, sourceId: e.source_id, batchId: e.batch_id, rowNumber: e.row_number,
      })),
      warnings: warnings.map((w) => ({ id: w.id, situation: w.situation, status: w.status, openedAt: w.opened_at, keyFigureFen: w.key_figure_fen })),
      signals: signals.map((s) => ({
        kind: s.kind, occurredOn: s.occurred_on, amountFen: s.amount_fen, memberName: s.name ?? '', sourceId: s.source_id,
        batchId: s.batch_id, rowNumber: s.row_number, receivedAt: s.created_at,
      })),
    };
  }
}
