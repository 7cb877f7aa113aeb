/**
 * Household income consistent with the assistance programme a household is enrolled in:
 * dibao (低保) families under the dibao line, marginal (低保边缘) families under the marginal
 * multiple (1.5×) of it, people in special hardship (特困) far under it. Everybody else (in
 * the database for a disability, an illness, unemployment, ...) earns above the marginal line.
 * The standard is the city's policy in force on the generation date. How many households are
 * in which programme is the city plan's business (see `shares.ts`).
 */

import { NANJING_POLICY, parameterOn, type PolicyParameterKey } from '@shouwang/domain';
import type { MemberSpec } from './households.js';
import { Random } from './random.js';

export type Programme = 'dibao' | 'marginal' | 'special_hardship';

/** The city's policy parameters in force on a date (NANJING_POLICY); the demo's own figures come from here. */
export function policyOn(cityCode: string, date: string, key: PolicyParameterKey): number {
  const entry = parameterOn(NANJING_POLICY, cityCode, key, date) ?? firstEntry(cityCode, key);
  if (entry === undefined) throw new RangeError(`no policy parameter ${key} for city ${cityCode}`);
  return entry.value;
}

/** Before the first entry took effect, the first one stands in: demo data needs some value. */
function firstEntry(cityCode: string, key: PolicyParameterKey): { value: number } | undefined {
  return NANJING_POLICY.filter((e) => e.cityCode === cityCode && e.key === key).sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : 1))[0];
}

/** The yardstick of low income: the dibao standard (低保标准, fen per person and month) and the marginal multiplier. */
export interface IncomeStandard {
  readonly dibaoStandardFen: number;
  /** A low-income marginal family (低保边缘家庭) earns under this multiple of the dibao line. */
  readonly marginalMultiplier: number;
}

export function incomeStandardOn(cityCode: string, date: string): IncomeStandard {
  return { dibaoStandardFen: policyOn(cityCode, date, 'dibaoStandardFen'), marginalMultiplier: policyOn(cityCode, date, 'marginalMultiplier') };
}

/** The dibao line of a household: 12 months × the standard × members, in fen. */
export function dibaoLineFen(standard: IncomeStandard, members: number): number {
  return 12 * standard.dibaoStandardFen * members;
}

interface HouseholdTraits {
  readonly members: readonly MemberSpec[];
  readonly rural: boolean;
}

/** Annual earnings of one person: wages in working age, a pension after 60. */
function personalIncomeFen(random: Random, member: MemberSpec, rural: boolean): number {
  if (member.age < 18) return 0;
  if (member.age < 60) {
    if (member.age < 23 && random.chance(0.6)) return 0; // still studying
    if (!random.chance(0.88)) return 0;
    return random.logNormal(rural ? 48_000_00 : 78_000_00, 0.45);
  }
  return random.logNormal(rural ? 18_000_00 : 42_000_00, 0.35);
}

/** Annual household income in fen, rounded to whole yuan, consistent with the programme. */
export function annualIncomeFen(random: Random, household: HouseholdTraits, programme: Programme | null, standard: IncomeStandard): number {
  const line = dibaoLineFen(standard, household.members.length);
  const marginalLine = line * standard.marginalMultiplier;
  let fen: number;
  switch (programme) {
    case 'special_hardship':
      fen = random.chance(0.3) ? 0 : line * random.float(0.05, 0.5);
      break;
    case 'dibao':
      fen = random.chance(0.15) ? 0 : line * random.float(0.1, 0.95);
      break;
    case 'marginal':
      fen = line + (marginalLine - line) * random.float(0.04, 0.96);
      break;
    case null: {
      const earned = household.members.reduce((sum, m) => sum + personalIncomeFen(random, m, household.rural), 0);
      const floor = marginalLine * random.float(1.1, 1.8);
      fen = Math.max(earned, floor);
      break;
    }
  }
  return Math.round(fen / 100) * 100;
}

/**
 * The monthly dibao allowance of a household (差额补助): the standard for each member less the
 * household's monthly income, in whole yuan, at least 10 yuan.
 */
export function dibaoAllowanceFen(standard: IncomeStandard, members: number, annualIncomeFen: number): number {
  const gap = standard.dibaoStandardFen * members - annualIncomeFen / 12;
  return Math.max(1_000, Math.round(gap / 100) * 100);
}
