/**
 * The eight verification sources (核对) for the demo city, one current row per relevant
 * person: last month's wage contribution, pension, income tax and provident-fund deposit,
 * the home, the car, the business, the bank balance. Incomes add up to each household's
 * `annualIncomeFen`, so a dibao family comes out under the dibao line and an ordinary
 * family above the marginal one; assets are modest for programme families and ordinary for
 * the rest. Banks answer only for programme households and a sample of the others, as they
 * answer verification requests, not a census.
 */

import { addDays, ageOn } from '@shouwang/domain';
import type { DemoCity, DemoHousehold, DemoPerson } from './city.js';
import { employerName, type PlaceNames } from './city-rows.js';
import { dayBetween } from './facts.js';
import type { RowValues } from './file-writer.js';
import { Random, WeightedChoice } from './random.js';

type PensionType = '企业职工基本养老金' | '机关事业单位养老金' | '城乡居民基础养老金';

interface Earning {
  readonly person: DemoPerson;
  readonly kind: 'wage' | 'pension';
  readonly monthlyFen: number;
  /** null: a flexible worker (灵活就业), who pays his own contributions. */
  readonly employer: string | null;
  readonly pensionType: PensionType | null;
}

interface Means {
  readonly household: DemoHousehold;
  readonly earnings: readonly Earning[];
  readonly homeOwners: readonly DemoPerson[];
  readonly floorAreaSqm: number;
  readonly homeRegisteredOn: string;
  readonly carOwner: DemoPerson | null;
  readonly businessOwner: DemoPerson | null;
  readonly depositFen: number | null;
}

const low = (h: DemoHousehold): boolean => h.programme !== null;
const later = (a: string, b: string): string => (a > b ? a : b);
const clamp = (v: number, min: number, max: number): number => Math.max(min, Math.min(max, v));

function pensionType(random: Random, h: DemoHousehold): PensionType {
  if (h.programme === 'dibao' || h.programme === 'special_hardship') return '城乡居民基础养老金';
  const roll = random.next();
  if (h.rural) return roll < 0.55 ? '城乡居民基础养老金' : '企业职工基本养老金';
  return roll < 0.75 ? '企业职工基本养老金' : roll < 0.9 ? '机关事业单位养老金' : '城乡居民基础养老金';
}

/** How a household's annual income is earned: at most two wages and a pension, or two pensions. */
function earningsOf(random: Random, h: DemoHousehold, today: string): Earning[] {
  if (h.annualIncomeFen <= 0) return [];
  const ages = h.members.map((m) => ageOn(m.birthDate, today));
  const workers = h.members.filter((m, i) => (ages[i] as number) >= 18 && (ages[i] as number) < 60 && (m.facts?.student === undefined || (ages[i] as number) >= 23)).slice(0, 2);
  const retired = h.members.filter((_, i) => (ages[i] as number) >= 60).slice(0, workers.length > 0 ? 1 : 2);
  const earners = [...workers.map((p) => ({ p, kind: 'wage' as const, w: random.float(0.6, 1.4) })), ...retired.map((p) => ({ p, kind: 'pension' as const, w: random.float(0.35, 0.65) }))];
  if (earners.length === 0) earners.push({ p: h.members[0] as DemoPerson, kind: (ages[0] as number) >= 60 ? 'pension' : 'wage', w: 1 });
  const total = earners.reduce((sum, e) => sum + e.w, 0);
  return earners.map(({ p, kind, w }) => ({
    person: p, kind, monthlyFen: Math.max(100, Math.round((h.annualIncomeFen * w) / total / 12 / 100) * 100),
    employer: kind === 'pension' || random.chance(low(h) ? 0.7 : 0.08) ? null : employerName(random),
    pensionType: kind === 'pension' ? pensionType(random, h) : null,
  }));
}

function homeShare(h: DemoHousehold): number {
  switch (h.programme) {
    case 'dibao': return 0.15;
    case 'marginal': return 0.35;
    case 'special_hardship': return 0.05;
    case null: return h.rural ? 0.55 : 0.72;
  }
}

function carShare(h: DemoHousehold): number {
  switch (h.programme) {
    case 'dibao': return 0.01;
    case 'marginal': return 0.04;
    case 'special_hardship': return 0;
    case null: return 0.3;
  }
}

/** The means of every household, in the city's order. */
export function householdMeans(city: DemoCity, random: Random): Means[] {
  return city.households.map((h) => {
    const head = h.members[0] as DemoPerson;
    const spouse = h.members.find((m) => m.relation === '配偶');
    const adults = h.members.filter((m) => ageOn(m.birthDate, city.today) >= 18);
    const owns = random.chance(homeShare(h));
    const homeOwners = !owns ? [] : spouse !== undefined && random.chance(0.3) ? [head, spouse] : [head];
    const floorAreaSqm = Math.round(low(h) ? random.float(28, 70) * 100 : clamp(random.normal(88, 25), 35, 220) * 100) / 100;
    const homeRegisteredOn = dayBetween(random, later('1998-01-01', addDays(head.birthDate, 7_300)), addDays(city.today, -30));
    const carOwner = random.chance(carShare(h)) ? random.pick(adults.length > 0 ? adults : [head]) : null;
    const businessOwner = random.chance(h.programme === null ? 0.04 : h.programme === 'marginal' ? 0.01 : 0.003) ? random.pick(adults.length > 0 ? adults : [head]) : null;
    const median = h.programme === 'dibao' ? 3_000 : h.programme === 'marginal' ? 8_000 : h.programme === 'special_hardship' ? 2_500 : 60_000;
    const depositFen = low(h) || random.chance(0.1) ? Math.round(random.logNormal(median, low(h) ? 0.7 : 1)) * 100 : null;
    return { household: h, earnings: earningsOf(random, h, city.today), homeOwners, floorAreaSqm, homeRegisteredOn, carOwner, businessOwner, depositFen };
  });
}

/** The month before `today`: the latest month a monthly feed has complete. */
export function lastMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

export function* socialInsuranceRows(means: readonly Means[], today: string): Generator<RowValues> {
  const month = lastMonth(today);
  for (const m of means) {
    for (const e of m.earnings) {
      if (e.kind !== 'wage') continue;
      yield { residentId: e.person.residentId, name: e.person.name, contributionMonth: month, baseFen: e.monthlyFen, employer: e.employer ?? '灵活就业人员', personalFen: Math.round(e.monthlyFen * 0.08) };
    }
  }
}

export function* pensionRows(means: readonly Means[], today: string): Generator<RowValues> {
  const month = lastMonth(today);
  for (const m of means) {
    for (const e of m.earnings) {
      if (e.kind === 'pension') yield { residentId: e.person.residentId, name: e.person.name, pensionType: e.pensionType, paidMonth: month, monthlyPensionFen: e.monthlyFen };
    }
  }
}

/** Monthly individual income tax on a wage (threshold 5,000 yuan, social contributions deducted). */
function wageTaxFen(wageFen: number): number {
  const taxable = wageFen * 0.895 - 500_000;
  if (taxable <= 0) return 0;
  return Math.round(taxable <= 300_000 ? taxable * 0.03 : taxable * 0.1 - 21_000);
}

export function* incomeTaxRows(means: readonly Means[], today: string): Generator<RowValues> {
  const month = lastMonth(today);
  for (const m of means) {
    for (const e of m.earnings) {
      if (e.kind !== 'wage' || e.employer === null) continue;
      const taxPaidFen = wageTaxFen(e.monthlyFen);
      // The tax office answers with the declarations that carried tax of 100 yuan or more.
      if (taxPaidFen >= 10_000) yield { residentId: e.person.residentId, name: e.person.name, period: month, incomeItem: '工资薪金所得', incomeFen: e.monthlyFen, taxPaidFen, withholdingAgent: e.employer };
    }
  }
}

export function* providentFundRows(means: readonly Means[], today: string, random: Random): Generator<RowValues> {
  const month = lastMonth(today);
  let sequence = 0;
  for (const m of means) {
    for (const e of m.earnings) {
      if (e.kind !== 'wage' || e.employer === null || !random.chance(low(m.household) ? 0.15 : 0.45)) continue;
      const deposit = Math.round(e.monthlyFen * 0.24);
      yield {
        residentId: e.person.residentId, name: e.person.name, accountNo: `3201${String(++sequence).padStart(10, '0')}`, depositMonth: month,
        monthlyDepositFen: deposit, balanceFen: deposit * random.int(6, 150), employer: e.employer, accountStatus: '正常',
      };
    }
  }
}

export function* realEstateRows(means: readonly Means[]): Generator<RowValues> {
  let sequence = 0;
  for (const m of means) {
    if (m.homeOwners.length === 0) continue;
    const h = m.household;
    // 不动产单元号: 12-digit cadastral zone, GB (state-owned construction land), parcel, F (house), unit.
    const unitNo = `${h.communityCode}GB${String((++sequence % 99_999) + 1).padStart(5, '0')}F${String(sequence).padStart(8, '0')}`;
    for (const owner of m.homeOwners) {
      yield {
        unitNo, residentId: owner.residentId, name: owner.name, floorAreaSqm: m.floorAreaSqm, registeredOn: m.homeRegisteredOn, use: '住宅',
        location: h.address, coOwnership: m.homeOwners.length > 1 ? '共同共有' : '单独所有', sharePercent: null,
      };
    }
  }
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const VEHICLE_TYPES = new WeightedChoice<string>([['小型轿车', 70], ['小型普通客车', 25], ['轻型普通货车', 5]]);

export function* vehicleRows(means: readonly Means[], today: string, random: Random): Generator<RowValues> {
  const plates = new Set<string>();
  for (const m of means) {
    const owner = m.carOwner;
    if (owner === null) continue;
    let plateNo: string;
    do {
      const letter = random.pick([...PLATE_LETTERS]);
      plateNo = `苏A${random.chance(0.3) ? 'D' : letter}${String(random.int(0, 9999)).padStart(4, '0')}`;
    } while (plates.has(plateNo));
    plates.add(plateNo);
    yield {
      plateNo, vehicleType: VEHICLE_TYPES.draw(random), firstRegisteredOn: dayBetween(random, later('2005-01-01', addDays(owner.birthDate, 6_600)), addDays(today, -10)),
      residentId: owner.residentId, name: owner.name, vehicleStatus: '正常',
    };
  }
}

const SHOPS = ['便利店', '小吃店', '五金店', '理发店', '水果店', '家电维修部', '服装店'];
const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function* businessRows(means: readonly Means[], places: PlaceNames, today: string, random: Random): Generator<RowValues> {
  for (const m of means) {
    const owner = m.businessOwner;
    if (owner === null) continue;
    const individual = random.chance(0.7);
    const district = m.household.communityCode.slice(0, 6);
    const code = Array.from({ length: 8 }, () => random.pick([...CODE_CHARACTERS])).join('');
    const roll = random.next();
    yield {
      creditCode: `${individual ? '92' : '91'}${district}MA${code}`,
      businessName: individual ? `${places.district(m.household.communityCode)}${owner.name.slice(0, 1)}记${random.pick(SHOPS)}` : employerName(random),
      residentId: owner.residentId, name: owner.name, role: individual ? '经营者' : '法定代表人', sharePercent: individual ? null : random.int(30, 100),
      establishedOn: dayBetween(random, later('1995-01-01', addDays(owner.birthDate, 7_300)), addDays(today, -30)),
      businessStatus: roll < 0.85 ? '存续' : roll < 0.95 ? '注销' : '吊销',
    };
  }
}

const BANKS = ['中国工商银行南京分行', '中国建设银行南京分行', '中国农业银行南京分行', '中国银行南京分行', '交通银行南京分行', '南京银行', '江苏银行', '紫金农商银行', '中国邮政储蓄银行南京分行'];

export function* bankDepositRows(means: readonly Means[], today: string, random: Random): Generator<RowValues> {
  for (const m of means) {
    if (m.depositFen === null) continue;
    const head = m.household.members[0] as DemoPerson;
    const roll = random.next();
    yield {
      residentId: head.residentId, name: head.name, bank: random.pick(BANKS), accountTail: String(random.int(0, 9999)).padStart(4, '0'),
      accountType: roll < 0.7 ? '活期' : roll < 0.95 ? '定期' : '理财', balanceFen: m.depositFen, balanceOn: addDays(today, -1),
    };
  }
}
