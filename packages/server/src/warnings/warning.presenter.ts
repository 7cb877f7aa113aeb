import { ageOn, maskName } from '@shouwang/domain';
import type { Explanation, ScreenWarning, Situation, WarningDetail, WarningSummary } from '@shouwang/contract';
import type { PersonalDataKeys } from '../identity/keys.js';
import type { HouseholdRow, PersonRow } from '../registry/registry.repository.js';
import type { CommunityPlace } from '../territory/territory.repository.js';
import type { WarningListRow } from './warning.repository.js';

const NO_PLACE: CommunityPlace = { communityCode: '', communityName: '', subdistrictName: '', districtName: '' };

/** The list form of a warning; name and address in full only when `fullIdentity`. */
export function presentWarningSummary(row: WarningListRow, place: CommunityPlace | undefined, fullIdentity: boolean, keys: PersonalDataKeys): WarningSummary {
  const p = place ?? NO_PLACE;
  const headName = row.head_name ?? '';
  return {
    id: row.id,
    householdId: row.household_id,
    situation: row.situation as Situation,
    ruleId: row.rule_id,
    status: row.status,
    headName: fullIdentity ? headName : maskName(headName),
    address: fullIdentity ? keys.decrypt(row.address_enc) : row.address_masked,
    communityCode: row.community_code,
    communityName: p.communityName,
    subdistrictName: p.subdistrictName,
    districtName: p.districtName,
    keyFigureFen: row.key_figure_fen,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
  };
}

export function presentWarningDetail(
  row: WarningListRow,
  place: CommunityPlace | undefined,
  household: HouseholdRow,
  members: readonly PersonRow[],
  history: WarningDetail['history'],
  keys: PersonalDataKeys,
  today: string,
): WarningDetail {
  return {
    ...presentWarningSummary(row, place, true, keys),
    household: {
      id: household.id,
      memberCount: household.member_count,
      annualIncomeFen: household.annual_income_fen,
      phone: household.phone_enc ? keys.decrypt(household.phone_enc) : null,
      members: members.map((m) => ({
        name: m.name,
        residentId: m.id_masked,
        relation: m.relation,
        sex: m.sex,
        age: ageOn(m.birth_date, today),
      })),
    },
    explanation: JSON.parse(row.explanation) as Explanation,
    history,
  };
}

/** The large screen never shows a name or an address in full. */
export function presentScreenWarning(row: WarningListRow, place: CommunityPlace | undefined): ScreenWarning {
  const p = place ?? NO_PLACE;
  return {
    id: row.id,
    situation: row.situation as Situation,
    headName: maskName(row.head_name ?? ''),
    address: row.address_masked,
    districtName: p.districtName,
    subdistrictName: p.subdistrictName,
    communityName: p.communityName,
    keyFigureFen: row.key_figure_fen,
    openedAt: row.opened_at,
  };
}

