import { sourceById } from '@shouwang/domain';
import type { HouseholdProvenance } from '@shouwang/contract';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize } from '../accounts/permissions.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../http/errors.js';
import { RegistryRepository } from './registry.repository.js';

const LIMIT = 200;

/** Where each fact about a household's members came from: source, delivery, row and time. An audited read. */
export class ProvenanceService {
  constructor(private readonly db: Db) {}

  async forHousehold(user: SessionUser, householdId: string): Promise<HouseholdProvenance> {
    authorize(user, 'warnings.read');
    const registry = new RegistryRepository(this.db);
    const household = await registry.findHouseholdInScope(householdId, { territoryCodes: user.territoryCodes });
    if (!household) throw NotFoundError('Household');
    const rows = await registry.provenance(household.id, LIMIT + 1);
    await new AuditRepository(this.db.kysely).append(
      { userId: user.id, action: 'household.provenance.read', subjectType: 'household', subjectId: household.id },
      new Date().toISOString(),
    );
    return {
      householdId: household.id,
      truncated: rows.length > LIMIT,
      items: rows.slice(0, LIMIT).map((r) => {
        const source = sourceById(r.source_id);
        return {
          memberName: r.name, relation: r.relation, sourceId: r.source_id, sourceName: source?.name ?? r.source_id,
          department: source?.department ?? '', recordKey: r.record_key, version: r.version, current: r.is_current === 1,
          batchId: r.batch_id, fileName: r.file_name, rowNumber: r.row_number, receivedAt: r.received_at,
        };
      }),
    };
  }
}
