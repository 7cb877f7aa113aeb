import { maskAddress, maskPhone, maskResidentId, type Sex } from '@shouwang/domain';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { HouseholdRow, PersonRow } from './registry.repository.js';
import { nameInitials, roadOf, tail4 } from './search-keys.js';

export interface HouseholdFacts {
  id: string;
  externalKey: string;
  communityCode: string;
  address: string;
  phone: string | null;
  annualIncomeFen: number;
  memberCount: number;
  programme: string | null;
}

export interface PersonFacts {
  id: string;
  residentId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  householdId: string | null;
  relation: string;
}

/** A household's contact phone as stored: encrypted, masked for display, its last four digits for search. */
export function phoneColumns(keys: PersonalDataKeys, phone: string | null): Pick<HouseholdRow, 'phone_enc' | 'phone_masked' | 'phone_tail'> {
  return { phone_enc: phone ? keys.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null, phone_tail: phone ? tail4(phone) : null };
}

/** A household as stored: address and phone encrypted, masked for display, keyed for search. */
export function householdRow(keys: PersonalDataKeys, h: HouseholdFacts, now: string): HouseholdRow {
  return {
    id: h.id, external_key: h.externalKey, community_code: h.communityCode,
    address_enc: keys.encrypt(h.address), address_masked: maskAddress(h.address), address_road: roadOf(h.address),
    ...phoneColumns(keys, h.phone),
    annual_income_fen: h.annualIncomeFen, member_count: h.memberCount, programme: h.programme, created_at: now, updated_at: now,
  };
}

/** A person as stored: the resident ID hashed for lookup, encrypted, masked, and keyed for search. */
export function personRow(keys: PersonalDataKeys, p: PersonFacts, now: string): PersonRow {
  return {
    id: p.id, id_hash: keys.hashId(p.residentId), id_enc: keys.encrypt(p.residentId), id_masked: maskResidentId(p.residentId),
    name: p.name, name_initials: nameInitials(p.name), id_tail: tail4(p.residentId), sex: p.sex, birth_date: p.birthDate,
    household_id: p.householdId, relation: p.relation, created_at: now, status: 'active', died_on: null, updated_at: now,
  };
}
