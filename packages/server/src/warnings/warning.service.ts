import type { WarningDetail, WarningList, WarningListQuery, WarningStatus } from '@shouwang/contract';
import type { Db } from '../db/database.js';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize, seesIdentityInLists } from '../accounts/permissions.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { NotFoundError } from '../http/errors.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import type { TerritoryRepository } from '../territory/territory.repository.js';
import { WarningRepository } from './warning.repository.js';
import { presentWarningDetail, presentWarningSummary } from './warning.presenter.js';

/** Worklist and warning detail, always within the caller's territory. */
export class WarningService {
  constructor(
    private readonly db: Db,
    private readonly territory: TerritoryRepository,
    private readonly keys: PersonalDataKeys,
    private readonly today: () => string,
  ) {}

  async list(user: SessionUser, query: WarningListQuery): Promise<WarningList> {
    authorize(user, 'warnings.read');
    const { items, total } = await new WarningRepository(this.db.kysely).list({ territoryCodes: user.territoryCodes }, query);
    const full = seesIdentityInLists(user.role);
    const presented = await Promise.all(items.map(async (row) => presentWarningSummary(row, await this.territory.placeOf(row.community_code), full, this.keys)));
    return { items: presented, total };
  }

  /** Opening a warning shows the family in full: an audited read of personal data. */
  async detail(user: SessionUser, id: string): Promise<WarningDetail> {
    authorize(user, 'warnings.read');
    const scope = { territoryCodes: user.territoryCodes };
    const warnings = new WarningRepository(this.db.kysely);
    const row = await warnings.findInScope(id, scope);
    if (!row) throw NotFoundError('Warning');
    const registry = new RegistryRepository(this.db);
    const household = await registry.findHouseholdInScope(row.household_id, scope);
    if (!household) throw NotFoundError('Warning');
    const [members, history, place] = await Promise.all([registry.members(household.id), warnings.events(id), this.territory.placeOf(row.community_code)]);
    await new AuditRepository(this.db.kysely).append(
      { userId: user.id, action: 'household.read', subjectType: 'household', subjectId: household.id, detail: { via: 'warning', warningId: id } },
      new Date().toISOString(),
    );
    return presentWarningDetail(row, place, household, members, history, this.keys, this.today());
  }

  async setStatus(user: SessionUser, id: string, status: WarningStatus): Promise<WarningDetail> {
    authorize(user, 'warnings.update');
    const warnings = new WarningRepository(this.db.kysely);
    const row = await warnings.findInScope(id, { territoryCodes: user.territoryCodes });
    if (!row) throw NotFoundError('Warning');
    if (row.status !== status) {
      const at = new Date().toISOString();
      await this.db.kysely.transaction().execute(async (trx) => {
        const tx = new WarningRepository(trx);
        await tx.setStatus(id, status, at);
        await tx.addEvent(id, at, status, user.id);
      });
    }
    return this.detail(user, id);
  }
}
