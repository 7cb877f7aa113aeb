import { randomUUID } from 'node:crypto';
import { generateCity, type DemoCity } from '@shouwang/simulator';
import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from '../identity/keys.js';
import { householdRow, personRow } from '../registry/registry-rows.js';
import { bulkInsertHouseholds, bulkInsertPersons, type HouseholdRow, type PersonRow } from '../registry/registry.repository.js';

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
    households.push(householdRow(keys, {
      id, externalKey: h.key, communityCode: h.communityCode, address: h.address, phone: head?.phone ?? null,
      annualIncomeFen: h.annualIncomeFen, memberCount: h.members.length, programme: h.programme,
    }, now));
    for (const m of h.members) {
      persons.push(personRow(keys, { id: randomUUID(), residentId: m.residentId, name: m.name, sex: m.sex, birthDate: m.birthDate, householdId: id, relation: m.relation }, now));
    }
  }
  await bulkInsertHouseholds(db, households);
  await bulkInsertPersons(db, persons);
  return { households: households.length, persons: persons.length };
}

export function demoCity(seed: number, persons: number, today: string): DemoCity {
  return generateCity({ seed, persons, today });
}
