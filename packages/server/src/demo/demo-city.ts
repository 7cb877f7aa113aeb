import { randomUUID } from 'node:crypto';
import { maskAddress, maskPhone, maskResidentId } from '@shouwang/domain';
import { generateCity, type DemoCity } from '@shouwang/simulator';
import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { bulkInsertHouseholds, bulkInsertPersons, type HouseholdRow, type PersonRow } from '../registry/registry.repository.js';
import { nameInitials, roadOf, tail4 } from '../registry/search-keys.js';

/**
 * Loads a generated demo city into the registry. Resident IDs, phones and addresses are
 * stored the way real ones are: hashed for lookup, encrypted, and masked for display.
 */
export async function loadDemoCity(db: Db, keys: PersonalDataKeys, city: DemoCity, now: string): Promise<{ households: number; persons: number }> {
  const households: HouseholdRow[] = [];
  const persons: PersonRow[] = [];
  for (const h of city.households) {
    const id = randomUUID();
    const head = h.members.find((m) => m.relation === '户主') ?? h.members[0];
    const phone = head?.phone ?? null;
    households.push({
      id, external_key: h.key, community_code: h.communityCode,
      address_enc: keys.encrypt(h.address), address_masked: maskAddress(h.address), address_road: roadOf(h.address),
      phone_enc: phone ? keys.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null, phone_tail: phone ? tail4(phone) : null,
      annual_income_fen: h.annualIncomeFen, member_count: h.members.length, programme: h.programme,
      created_at: now, updated_at: now,
    });
    for (const m of h.members) {
      persons.push({
        id: randomUUID(), id_hash: keys.hashId(m.residentId), id_enc: keys.encrypt(m.residentId), id_masked: maskResidentId(m.residentId),
        name: m.name, name_initials: nameInitials(m.name), id_tail: tail4(m.residentId), sex: m.sex, birth_date: m.birthDate, household_id: id, relation: m.relation, created_at: now,
      });
    }
  }
  await bulkInsertHouseholds(db, households);
  await bulkInsertPersons(db, persons);
  return { households: households.length, persons: persons.length };
}

export function demoCity(seed: number, persons: number, today: string): DemoCity {
  return generateCity({ seed, persons, today });
}
