import { ageOn, maskName } from '@shouwang/domain';
import type { PersonHit, PersonSearchResult } from '@shouwang/contract';
import type { SessionUser } from '../accounts/account.service.js';
import { authorize, seesIdentityInLists } from '../accounts/permissions.js';
import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { TerritoryRepository } from '../territory/territory.repository.js';
import { RegistryRepository, type PersonCriterion } from './registry.repository.js';
import { roadQuery } from './search-keys.js';

/**
 * What the typed text means: four characters of digits (and X) are the end of a resident ID
 * or phone; Latin letters are pinyin initials; Chinese up to four characters is a name;
 * anything else is part of an address.
 */
export function criteriaFor(text: string): PersonCriterion[] {
  const q = text.trim();
  if (/^\d{3}[\dXx]$/.test(q)) return [{ kind: 'id_tail', value: q.toUpperCase() }, ...(/^\d{4}$/.test(q) ? [{ kind: 'phone_tail' as const, value: q }] : [])];
  const masked = /^\d{6}\*+(\d{3}[\dXx])$/.exec(q);
  if (masked?.[1]) return [{ kind: 'id_tail', value: masked[1].toUpperCase() }];
  if (/^[a-zA-Z]{1,8}$/.test(q)) return [{ kind: 'initials', value: q.toLowerCase() }];
  if (/^[\u4e00-\u9fff·]{1,4}$/.test(q)) return [{ kind: 'name', value: q }, ...(q.length >= 2 ? [{ kind: 'address' as const, value: q }] : [])];
  return [{ kind: 'address', value: roadQuery(q) }];
}

export class PersonSearchService {
  constructor(private readonly db: Db, private readonly territory: TerritoryRepository, private readonly keys: PersonalDataKeys, private readonly today: () => string) {}

  async search(user: SessionUser, text: string, limit: number): Promise<PersonSearchResult> {
    authorize(user, 'warnings.read');
    const registry = new RegistryRepository(this.db);
    const scope = { territoryCodes: user.territoryCodes };
    const full = seesIdentityInLists(user.role);
    const hits: PersonHit[] = [];
    const seen = new Set<string>();
    for (const criterion of criteriaFor(text)) {
      if (hits.length >= limit) break;
      for (const row of await registry.searchPersons(scope, criterion, limit + 1)) {
        if (seen.has(row.id) || hits.length > limit) continue;
        seen.add(row.id);
        const place = await this.territory.placeOf(row.community_code);
        hits.push({
          personId: row.id, householdId: row.household_id ?? '', name: full ? row.name : maskName(row.name), residentId: row.id_masked,
          relation: row.relation, sex: row.sex, age: ageOn(row.birth_date, this.today()),
          address: full ? this.keys.decrypt(row.address_enc) : row.address_masked,
          communityName: place?.communityName ?? '', subdistrictName: place?.subdistrictName ?? '', districtName: place?.districtName ?? '',
          programme: row.programme, openWarnings: Number(row.open_warnings ?? 0), matchedBy: criterion.kind,
        });
      }
    }
    return { items: hits.slice(0, limit), limited: hits.length > limit };
  }
}
