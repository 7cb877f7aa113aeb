import { sourceById, type SourceDefinition } from '@shouwang/domain';
import type { HouseholdProvenance } from '@shouwang/contract';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize } from '../accounts/permissions.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../http/errors.js';
import { RegistryRepository } from './registry.repository.js';

const LIMIT = 200;

/**
 * A record key as a reader can use it. Where the key holds a resident ID it stores the ID's
 * keyed hash, which means nothing to a person: the member's masked ID stands in its place
 * (the record is about that member), and any other hash is masked outright.
 */
export function readableRecordKey(source: SourceDefinition | undefined, recordKey: string, member: { idHash: string; idMasked: string }): string {
  const parts = recordKey.split('|');
  if (!source || parts.length !== source.recordKey.length) return recordKey;
  return source.recordKey.map((key, i) => {
    const part = parts[i] as string;
    if (source.fields.find((f) => f.key === key)?.type !== 'resident_id') return part;
    return part === member.idHash ? member.idMasked : '******';
  }).join(' · ');
}

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
          department: source?.department ?? '', recordKey: readableRecordKey(source, r.record_key, { idHash: r.id_hash, idMasked: r.id_masked }), version: r.version, current: r.is_current === 1,
          batchId: r.batch_id, fileName: r.file_name, rowNumber: r.row_number, receivedAt: r.received_at,
        };
      }),
    };
  }
}
