/**
 * A demo city: households of realistic composition in real communities, each person with a
 * valid and unique resident ID, and the household's income and assistance programme. The
 * same options give the same city, byte for byte.
 */

import { addDays, cityTerritory, composeResidentId, isIsoDate, type CityTerritoryFile, type Sex } from '@shouwang/domain';
import { randomAddress, streetsOf, type CommunityStreets } from './addresses.js';
import { FactMaker, dayBetween, type HouseholdFacts, type PersonFacts } from './facts.js';
import { DIBAO_COMPOSITIONS, MARGINAL_COMPOSITIONS, composeHousehold, drawComposition, type CompositionKind, type MemberSpec, type Relation } from './households.js';
import { annualIncomeFen, incomeStandardOn, type Programme } from './income.js';
import { randomGivenName, randomSurname } from './names.js';
import { birthRegion, communityChoice, isVillage, type Community } from './population.js';
import { Random } from './random.js';
import { NANJING_FIGURES, ShareSampler, scaledCount } from './shares.js';

export type { Programme } from './income.js';
export type { HouseholdFacts, PersonFacts } from './facts.js';
export type { Relation } from './households.js';

export interface DemoPerson {
  readonly residentId: string;
  readonly name: string;
  readonly sex: Sex;
  /** ISO date. */
  readonly birthDate: string;
  readonly relation: Relation;
  /** Mobile number of the head of household; null for the other members. */
  readonly phone: string | null;
  /** What departments know of this person (disability, unemployment, illness, ...); absent when nothing. */
  readonly facts?: Readonly<PersonFacts>;
}

export interface DemoHousehold {
  /** Stable key, `H000001`, in generation order. */
  readonly key: string;
  /** 12-digit code of the community (社区/村) the household lives in. */
  readonly communityCode: string;
  readonly address: string;
  /** Annual household income, integer fen. */
  readonly annualIncomeFen: number;
  readonly programme: Programme | null;
  /** ISO date the household's programme started (for special hardship, the head's support); null without one. */
  readonly programmeSince: string | null;
  /** A village (村) rather than a residential community (社区). */
  readonly rural: boolean;
  /** The head (户主) first. */
  readonly members: readonly DemoPerson[];
  /** What departments know of the household as a whole (a disaster, return-to-poverty monitoring). */
  readonly facts?: Readonly<HouseholdFacts>;
}

export interface DemoCity {
  readonly seed: number;
  readonly cityCode: string;
  /** The date the ages refer to. */
  readonly today: string;
  readonly persons: number;
  readonly households: readonly DemoHousehold[];
}

export interface CityOptions {
  readonly seed: number;
  /** Exact number of persons to generate. */
  readonly persons: number;
  readonly cityCode?: '3201';
  /** ISO date: nobody is born after it, ages are counted on it. */
  readonly today: string;
}

/** Mobile prefixes of the three carriers (1[3-9]x). */
const MOBILE_PREFIXES: readonly string[] = [
  ...'0123456789'.split('').map((d) => `13${d}`),
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '170', '173', '175', '176', '177', '178',
  ...'0123456789'.split('').map((d) => `18${d}`),
  '191', '195', '198', '199',
];

/** Hands out resident IDs and phone numbers that are unique across the city. */
class Registrar {
  readonly #ids = new Set<string>();
  readonly #phones = new Set<string>();
  readonly #random: Random;

  constructor(random: Random) {
    this.#random = random;
  }

  /** A unique ID; when all 50 sequence numbers of the day are taken, the day before. */
  residentId(regionCode: string, birthDate: string, sex: Sex): { id: string; birthDate: string } {
    let date = birthDate;
    for (;;) {
      const start = this.#random.int(0, 49);
      for (let k = 0; k < 50; k++) {
        const id = composeResidentId(regionCode, date, (start + k) % 50, sex);
        if (!this.#ids.has(id)) {
          this.#ids.add(id);
          return { id, birthDate: date };
        }
      }
      date = addDays(date, -1);
    }
  }

  phone(): string {
    for (;;) {
      const phone = this.#random.pick(MOBILE_PREFIXES) + String(this.#random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.#phones.has(phone)) {
        this.#phones.add(phone);
        return phone;
      }
    }
  }
}

interface Place {
  readonly community: Community;
  readonly districtCode: string;
  readonly districtName: string;
  readonly subdistrictName: string;
  readonly streets: CommunityStreets;
}

/** The names and roads of every community, looked up once. */
function placesOf(territory: CityTerritoryFile, random: Random): Map<string, Place> {
  const districts = new Map(territory.districts.map((d) => [d.code, d.name]));
  const subdistricts = new Map(territory.subdistricts.map((s) => [s.code, s.name]));
  const places = new Map<string, Place>();
  for (const community of territory.communities) {
    const districtCode = community.code.slice(0, 6);
    const subdistrictName = subdistricts.get(community.subdistrictCode) ?? '';
    const place = { districtCode, officialName: community.officialName, subdistrictName };
    places.set(community.code, {
      community,
      districtCode,
      districtName: districts.get(districtCode) ?? '',
      subdistrictName,
      streets: streetsOf(random, place),
    });
  }
  return places;
}

/** The same month and day `years` earlier; 29 February becomes 28 February. */
function yearsBefore(date: string, years: number): string {
  const earlier = `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
  return isIsoDate(earlier) ? earlier : `${earlier.slice(0, 8)}28`;
}

/** A birth date for someone `age` years old on `today`: uniform over that year of life. */
function birthDateFor(random: Random, age: number, today: string): string {
  return addDays(yearsBefore(today, age), -random.int(0, 364));
}

function householdKey(index: number): string {
  return `H${String(index + 1).padStart(6, '0')}`;
}

interface PlannedHousehold {
  readonly programme: Programme | null;
  readonly specs: MemberSpec[];
}

/**
 * The households to generate, in random order: first the programme households Nanjing's
 * figures call for (scaled to `persons`), each with a composition typical of its programme,
 * then ordinary families until the city has exactly `persons` people.
 */
function planHouseholds(random: Random, persons: number): PlannedHousehold[] {
  const plan: PlannedHousehold[] = [];
  let remaining = persons;
  const add = (programme: Programme | null, kind: CompositionKind): number => {
    const specs = composeHousehold(random, kind);
    plan.push({ programme, specs });
    remaining -= specs.length;
    return specs.length;
  };
  const dibao = scaledCount(random, persons, NANJING_FIGURES.dibaoHouseholds);
  for (let i = 0; i < dibao && remaining > 0; i++) add('dibao', drawComposition(random, remaining, DIBAO_COMPOSITIONS));
  const marginal = scaledCount(random, persons, NANJING_FIGURES.marginalHouseholds);
  for (let i = 0; i < marginal && remaining > 0; i++) add('marginal', drawComposition(random, remaining, MARGINAL_COMPOSITIONS));
  // Special hardship (特困) is support for one person: mostly old people alone, adults with a
  // severe disability, now and then two siblings both without anybody to support them.
  const hardship = scaledCount(random, persons, NANJING_FIGURES.specialHardshipPersons);
  for (let n = 0; n < hardship && remaining > 0; ) {
    const siblings = remaining >= 2 && hardship - n >= 2 && random.chance(0.06);
    n += add('special_hardship', siblings ? 'siblings' : random.chance(0.75) ? 'elderly_alone' : 'single_adult');
  }
  while (remaining > 0) add(null, drawComposition(random, remaining));
  for (let i = plan.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [plan[i], plan[j]] = [plan[j] as PlannedHousehold, plan[i] as PlannedHousehold];
  }
  return plan;
}

type MutablePerson = { -readonly [K in keyof DemoPerson]: DemoPerson[K] };

/**
 * Who receives temporary assistance (临时救助) in the last half year: Nanjing's 5,117 persons,
 * about half of them in dibao families, the rest marginal, special hardship and ordinary
 * families hit by something sudden. Systematic sampling per programme keeps the count exact.
 */
class AidRecipients {
  readonly #share: Record<Programme | 'none', number>;
  readonly #samplers: Record<Programme | 'none', ShareSampler>;

  constructor(random: Random, persons: number, plan: readonly PlannedHousehold[]) {
    const total = scaledCount(random, persons, NANJING_FIGURES.temporaryAssistancePersons);
    const split = { dibao: 0.45, marginal: 0.12, special_hardship: 0.05, none: 0.38 };
    const counts = { dibao: 0, marginal: 0, special_hardship: 0, none: 0 };
    for (const h of plan) counts[h.programme ?? 'none'] += 1;
    const share = (k: keyof typeof counts) => (counts[k] === 0 ? 0 : Math.min(1, (total * split[k]) / counts[k]));
    this.#share = { dibao: share('dibao'), marginal: share('marginal'), special_hardship: share('special_hardship'), none: share('none') };
    this.#samplers = { dibao: new ShareSampler(random), marginal: new ShareSampler(random), special_hardship: new ShareSampler(random), none: new ShareSampler(random) };
  }

  takes(programme: Programme | null): boolean {
    const key = programme ?? 'none';
    return this.#samplers[key].take(this.#share[key]);
  }
}

export function generateCity(options: CityOptions): DemoCity {
  const { seed, persons, today } = options;
  const cityCode = options.cityCode ?? '3201';
  if (!Number.isInteger(persons) || persons < 0) throw new RangeError('persons must be a non-negative integer');
  if (!isIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${today}`);
  const territory = cityTerritory(cityCode);
  if (territory === undefined) throw new RangeError(`no territory for city ${cityCode}`);

  const random = new Random(seed);
  const places = placesOf(territory, random.fork());
  const communities = communityChoice(territory);
  const registrar = new Registrar(random.fork());
  const plan = planHouseholds(random.fork(), persons);
  const aid = new AidRecipients(random.fork(), persons, plan);
  const factMaker = new FactMaker(today);
  const standard = incomeStandardOn(cityCode, today);
  const households: DemoHousehold[] = [];

  for (const { programme, specs } of plan) {
    const community = communities.draw(random);
    const place = places.get(community.code) as Place;
    const rural = isVillage(community);
    const traits = { members: specs, rural };
    const address = randomAddress(random, place.districtName, place.subdistrictName, place.streets);
    const annual = annualIncomeFen(random, traits, programme, standard);
    const members = membersOf(random, registrar, specs, place.districtCode, today);
    const assigned = factMaker.assign(random, { members: specs, birthDates: members.map((m) => m.birthDate), programme, rural, today });
    assigned.persons.forEach((facts, i) => {
      if (facts !== undefined) (members[i] as MutablePerson).facts = facts;
    });
    if (aid.takes(programme)) {
      const adults = members.flatMap((m, i) => (i > 0 && m.birthDate <= addDays(today, -18 * 366) ? [i] : []));
      const who = adults.length > 0 && random.chance(0.2) ? random.pick(adults) : 0;
      const person = members[who] as MutablePerson;
      person.facts = { ...person.facts, temporaryAid: factMaker.temporaryAid(random) };
    }
    const programmeSince = programme === null ? null
      : programme === 'special_hardship' ? (members[0]?.facts?.specialHardship?.startedOn ?? today)
        : dayBetween(random, addDays(today, programme === 'dibao' ? -3_000 : -1_500), addDays(today, -15));
    households.push({
      key: householdKey(households.length),
      communityCode: community.code,
      address,
      annualIncomeFen: annual,
      programme,
      programmeSince,
      rural,
      members,
      ...(assigned.household !== undefined ? { facts: assigned.household } : {}),
    });
  }
  return { seed, cityCode, today, persons, households };
}

function membersOf(random: Random, registrar: Registrar, specs: readonly MemberSpec[], districtCode: string, today: string): MutablePerson[] {
  const surnames: string[] = [];
  return specs.map((spec, index) => {
    const surname = spec.surnameFrom !== undefined ? (surnames[spec.surnameFrom] as string) : randomSurname(random);
    surnames.push(surname);
    const wanted = birthDateFor(random, spec.age, today);
    const birthYear = Number(wanted.slice(0, 4));
    const region = birthRegion(random, districtCode, birthYear, spec.age);
    const { id, birthDate } = registrar.residentId(region, wanted, spec.sex);
    return {
      residentId: id,
      name: surname + randomGivenName(random, spec.sex, birthYear),
      sex: spec.sex,
      birthDate,
      relation: spec.relation,
      phone: index === 0 ? registrar.phone() : null,
    };
  });
}

type ProgrammeKey = Programme | 'none';

export interface Headcount {
  readonly households: number;
  readonly persons: number;
}

export interface CitySummary extends Headcount {
  readonly byProgramme: Readonly<Record<ProgrammeKey, Headcount>>;
  /** By 6-digit district code. */
  readonly byDistrict: Readonly<Record<string, Headcount>>;
}

/** Counts to compare a loaded registry with the generated city. */
export function summarizeCity(city: DemoCity): CitySummary {
  const byProgramme: Record<ProgrammeKey, { households: number; persons: number }> = {
    dibao: { households: 0, persons: 0 },
    marginal: { households: 0, persons: 0 },
    special_hardship: { households: 0, persons: 0 },
    none: { households: 0, persons: 0 },
  };
  const byDistrict: Record<string, { households: number; persons: number }> = {};
  let persons = 0;
  for (const household of city.households) {
    const size = household.members.length;
    persons += size;
    const programme = byProgramme[household.programme ?? 'none'];
    programme.households += 1;
    programme.persons += size;
    const district = (byDistrict[household.communityCode.slice(0, 6)] ??= { households: 0, persons: 0 });
    district.households += 1;
    district.persons += size;
  }
  return { households: city.households.length, persons, byProgramme, byDistrict };
}
