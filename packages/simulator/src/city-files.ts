/**
 * The departments' files of a demo city, written into a folder in the order they should be
 * loaded: the household register, the rosters, the eight verification sources, the signal
 * feeds, the death record. Each file is in its department's own format (GBK CSV, XLSX with a
 * title row, UTF-8 with or without BOM) and header variants. A few problems are injected on
 * purpose and counted: a person on two dibao households' rosters, deaths of enrolled
 * persons, roster rows of people the register does not know, outsiders in signal feeds
 * (leads), and about 0.5% spoiled rows in some files. `expected` says what a correct
 * registry holds afterwards (see `expectation.ts` for each count's definition).
 */

import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { addDays, ageOn, composeResidentId, sourceById, type Sex, type SourceDefinition } from '@shouwang/domain';
import type { DemoCity, DemoHousehold, DemoPerson } from './city.js';
import * as rows from './city-rows.js';
import { ExpectationBuilder, type CityExpectation } from './expectation.js';
import { dayBetween } from './facts.js';
import { writeSourceFile, type FileStyle, type RowValues, type WrittenFile } from './file-writer.js';
import { Institutions } from './institutions.js';
import { generateSettlements } from './medical-feed.js';
import { settlementNo } from './settlements.js';
import { randomName } from './names.js';
import { Random } from './random.js';
import * as verification from './verification-rows.js';

export type { CityExpectation, ConflictKind, FileCount, ProgrammeCount, TemporaryAssistanceCount } from './expectation.js';
export type { WrittenFile as CityFile, FileFormat, FileEncoding } from './file-writer.js';

export interface CityFilesOptions {
  readonly dir: string;
  /** The date the files are as of: normally the city's `today`. */
  readonly today: string;
  /** Seed of everything the files add to the city (incomes, assets, problems); the city's seed by default. */
  readonly seed?: number;
}

export interface CityFiles {
  /** In loading order. */
  readonly files: readonly WrittenFile[];
  readonly expected: CityExpectation;
}

/** A count of injected problems for a city of `persons`: `per510k` at Nanjing's size, at least one. */
const problems = (persons: number, per510k: number): number => (persons === 0 ? 0 : Math.max(1, Math.round((per510k * persons) / 510_000)));

/** Region codes outside the city and unlike any of its people's: 江阴, 如皋, 兴化, 阜宁, 来安, 当涂. */
const OUTSIDER_REGIONS = ['320281', '320682', '321281', '320923', '341122', '340521'];

interface Outsider {
  readonly residentId: string;
  readonly name: string;
  readonly birthDate: string;
}

/** People with valid resident IDs who are not in the city. */
class Outsiders {
  readonly #ids = new Set<string>();
  readonly #random: Random;
  readonly #today: string;

  constructor(random: Random, today: string) {
    this.#random = random;
    this.#today = today;
  }

  next(minAge: number, maxAge: number): Outsider {
    const random = this.#random;
    for (;;) {
      const sex: Sex = random.chance(0.5) ? 'male' : 'female';
      const birthDate = addDays(this.#today, -random.int(minAge * 366, maxAge * 365));
      const residentId = composeResidentId(random.pick(OUTSIDER_REGIONS), birthDate, random.int(0, 49), sex);
      if (this.#ids.has(residentId)) continue;
      this.#ids.add(residentId);
      return { residentId, name: randomName(random, sex, Number(birthDate.slice(0, 4))), birthDate };
    }
  }
}

interface FilePlan {
  readonly sourceId: string;
  readonly style: Omit<FileStyle, 'fileName'> & { readonly name: string };
  readonly rows: () => Iterable<RowValues>;
}

function source(id: string): SourceDefinition {
  const definition = sourceById(id);
  if (definition === undefined) throw new RangeError(`no source ${id} in the catalogue`);
  return definition;
}

/** `count` distinct items of `items`, deterministic. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  return random.sampleIndices(items.length, count).map((i) => items[i] as T);
}

export async function cityFiles(city: DemoCity, options: CityFilesOptions): Promise<CityFiles> {
  const { dir, today } = options;
  await mkdir(dir, { recursive: true });
  const random = new Random(options.seed ?? city.seed);
  const places = new rows.PlaceNames(city.cityCode);
  const numbers = rows.rosterNumbers(city);
  const outsiders = new Outsiders(random.fork(), today);
  const month = `${today.slice(0, 4)}${today.slice(5, 7)}`;
  const monthZh = `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`;

  // (a) persons on the roster of a second dibao household.
  const dibao = city.households.filter((h) => h.programme === 'dibao');
  const duplicates: rows.DuplicateEnrolment[] = [];
  if (dibao.length >= 2) {
    for (const h of sample(random, dibao, problems(city.persons, 12))) {
      let other: DemoHousehold;
      do other = random.pick(dibao); while (other === h);
      duplicates.push({ person: random.pick(h.members), household: other });
    }
  }

  // (c) roster rows of people the register does not know.
  const strangers = problems(city.persons, 16);
  const communities = city.households.length > 0 ? sample(random, city.households, Math.min(city.households.length, strangers)).map((h) => h.communityCode) : [];
  const strangerWorkers = Array.from({ length: Math.ceil(strangers / 2) }, (_, i) => ({ ...outsiders.next(30, 55), communityCode: communities[i % communities.length] ?? null }));
  const strangerStudents = Array.from({ length: Math.floor(strangers / 2) }, () => outsiders.next(7, 17));

  // (d) leads: outsiders with large hospital bills and outsiders hit by a disaster.
  const settlements = generateSettlements(city, { seed: random.uint32(), count: Math.round(city.persons * 0.05), from: addDays(today, -180), to: today, burdenShare: 0.03 });
  const institutions = new Institutions(city.cityCode);
  const medicalLeads = Array.from({ length: city.households.length > 0 ? problems(city.persons, 60) : 0 }, (_, i) => {
    const person = outsiders.next(25, 80);
    const settledOn = dayBetween(random, addDays(today, -150), today);
    const totalFen = random.int(80_000, 400_000) * 100;
    const outOfPocketFen = Math.round(totalFen * random.float(0.35, 0.5));
    const community = (random.pick(city.households) as DemoHousehold).communityCode;
    return {
      settlementNo: settlementNo(settledOn, 0, settlements.length + i + 1), residentId: person.residentId, name: person.name, settledOn,
      institution: institutions.choose(random, 'tertiary', community, ageOn(person.birthDate, today)), visitType: '住院' as const,
      totalFen, reimbursedFen: totalFen - outOfPocketFen, outOfPocketFen,
    };
  });
  const villages = city.households.filter((h) => h.rural);
  const disasterLeads = Array.from({ length: city.households.length > 0 ? problems(city.persons, 20) : 0 }, () => {
    const person = outsiders.next(30, 80);
    const home = random.pick(villages.length > 0 ? villages : city.households);
    return {
      residentId: person.residentId, name: person.name, affectedOn: dayBetween(random, addDays(today, -60), addDays(today, -1)), disasterType: random.pick(['暴雨', '洪涝', '火灾']),
      houseDamage: random.chance(0.5) ? '倒塌' : '严重损坏', lossFen: random.int(20_000, 150_000) * 100, affectedPersons: random.int(1, 4), phone: null, communityCode: home.communityCode,
    };
  });

  // (b) deaths in the last month, a few of them of persons enrolled in a programme.
  const everyone = city.households.flatMap((h) => h.members.map((m) => ({ h, m })));
  const enrolled = everyone.filter(({ h, m }) => rows.isEnrolled(h, m));
  const elderly = everyone.filter(({ h, m }) => !rows.isEnrolled(h, m) && ageOn(m.birthDate, today) >= 70);
  const deaths = [
    ...sample(random, enrolled, Math.min(enrolled.length, problems(city.persons, 10))),
    ...sample(random, elderly, Math.min(elderly.length, Math.round(city.persons * 0.0009))),
  ];

  const means = verification.householdMeans(city, random.fork());
  const fork = () => random.fork();
  const plans: FilePlan[] = [
    {
      sourceId: 'household-registration',
      style: { name: `户籍人口信息_${month}.csv`, format: 'csv', encoding: 'gbk', dates: 'compact', headers: { householdNo: 2, address: 1, communityCode: 1, movedInOn: 2, registrationStatus: 1 } },
      rows: () => rows.householdRegistrationRows(city, fork()),
    },
    {
      sourceId: 'dibao-roster',
      style: { name: `低保对象名册_${month}.xlsx`, format: 'xlsx', title: `南京市最低生活保障对象名册（${monthZh}）`, headers: { householdNo: 2, name: 1, monthlyAllowanceFen: 2, startedOn: 2, status: 1 } },
      rows: () => rows.dibaoRosterRows(city, numbers, duplicates),
    },
    { sourceId: 'marginal-roster', style: { name: `低保边缘家庭名册_${month}.csv`, format: 'csv', encoding: 'utf-8-bom', dates: 'slash' }, rows: () => rows.marginalRosterRows(city, numbers) },
    {
      sourceId: 'special-hardship-roster',
      style: { name: `特困人员供养名册_${month}.xlsx`, format: 'xlsx', title: `南京市特困人员供养名册（${monthZh}）`, headers: { supportMode: 1, monthlySupportFen: 1, monthlyCareFen: 1, institution: 2 } },
      rows: () => rows.specialHardshipRows(city, places),
    },
    { sourceId: 'child-welfare-roster', style: { name: `孤儿和事实无人抚养儿童名册_${month}.csv`, format: 'csv', encoding: 'utf-8', dates: 'chinese' }, rows: () => rows.childWelfareRows(city) },
    {
      sourceId: 'disability-certificate',
      style: { name: `持证残疾人信息_${month}.csv`, format: 'csv', encoding: 'utf-8-bom', headers: { certificateNo: 1, category: 1, level: 1 }, badShare: 0.005 },
      rows: () => rows.disabilityRows(city),
    },
    {
      sourceId: 'unemployment-registration',
      style: { name: `失业登记人员_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { residentId: 1 }, badShare: 0.005 },
      rows: () => rows.unemploymentRegistrationRows(city, fork()),
    },
    { sourceId: 'unemployment-insurance', style: { name: `失业保险金领取_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => rows.unemploymentInsuranceRows(city) },
    {
      sourceId: 'student-in-difficulty',
      style: { name: `家庭经济困难学生_${rows.schoolYearOf(today)}.csv`, format: 'csv', encoding: 'utf-8-bom', headers: { residentId: 1, name: 1 } },
      rows: () => withStrangerStudents(rows.studentRows(city, places, fork()), strangerStudents, today),
    },
    {
      sourceId: 'worker-in-difficulty',
      style: { name: `困难职工档案_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { name: 1 } },
      rows: () => withStrangerWorkers(rows.workerRows(city, fork()), strangerWorkers, today),
    },
    {
      sourceId: 'chronic-illness-certification',
      style: { name: `门诊慢特病及大病认定_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { disease: 1 }, badShare: 0.005 },
      rows: () => rows.chronicIllnessRows(city),
    },
    { sourceId: 'major-disease-report', style: { name: `重大疾病报告_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => rows.majorDiseaseRows(city, fork()) },
    {
      sourceId: 'disaster-affected',
      style: { name: `受灾户信息_${month}.csv`, format: 'csv', encoding: 'utf-8-bom' },
      rows: () => [...rows.disasterRows(city), ...disasterLeads],
    },
    { sourceId: 'transition-support', style: { name: `过渡期生活救助_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => rows.transitionRows(city) },
    {
      sourceId: 'return-to-poverty-monitoring',
      style: { name: `防返贫监测对象_${month}.csv`, format: 'csv', encoding: 'utf-8-bom', headers: { householdNo: 1 } },
      rows: () => rows.povertyMonitoringRows(city),
    },
    {
      sourceId: 'temporary-assistance',
      style: { name: `临时救助记录_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { amountFen: 1, aidedOn: 1 }, badShare: 0.005 },
      rows: () => rows.temporaryAssistanceRows(city),
    },
    {
      sourceId: 'social-insurance-contribution',
      style: { name: `社保缴费明细_${month}.csv`, format: 'csv', encoding: 'utf-8', dates: 'compact', badShare: 0.005 },
      rows: () => verification.socialInsuranceRows(means, today),
    },
    { sourceId: 'pension', style: { name: `养老金发放_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => verification.pensionRows(means, today) },
    { sourceId: 'real-estate', style: { name: `不动产登记信息_${month}.csv`, format: 'csv', encoding: 'utf-8-bom', headers: { floorAreaSqm: 1 } }, rows: () => verification.realEstateRows(means) },
    { sourceId: 'vehicle-registration', style: { name: `机动车登记信息_${month}.csv`, format: 'csv', encoding: 'gbk', dates: 'compact' }, rows: () => verification.vehicleRows(means, today, fork()) },
    { sourceId: 'business-registration', style: { name: `市场主体登记_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => verification.businessRows(means, places, today, fork()) },
    { sourceId: 'provident-fund', style: { name: `公积金缴存_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => verification.providentFundRows(means, today, fork()) },
    { sourceId: 'income-tax', style: { name: `个税申报_${month}.csv`, format: 'csv', encoding: 'utf-8-bom' }, rows: () => verification.incomeTaxRows(means, today) },
    { sourceId: 'bank-deposit', style: { name: `存款核对结果_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { balanceFen: 1 } }, rows: () => verification.bankDepositRows(means, today, fork()) },
    {
      sourceId: 'medical-settlement',
      style: { name: `医保结算明细_${month}.csv`, format: 'csv', encoding: 'utf-8-bom', headers: { settlementNo: 1, totalFen: 1, reimbursedFen: 1, outOfPocketFen: 1 }, badShare: 0.005 },
      rows: () => [...settlements, ...medicalLeads].map((s) => ({ ...s })),
    },
    { sourceId: 'hospitalisation', style: { name: `住院登记_${month}.csv`, format: 'csv', encoding: 'utf-8' }, rows: () => hospitalisationRows([...settlements, ...medicalLeads], fork()) },
    {
      sourceId: 'death-record',
      style: { name: `死亡火化信息_${month}.csv`, format: 'csv', encoding: 'utf-8', headers: { residentId: 1, name: 1 } },
      rows: () => deathRows(deaths.map((d) => d.m), today, fork()),
    },
  ];

  const expectation = new ExpectationBuilder(today);
  const files: WrittenFile[] = [];
  for (const plan of plans) {
    const { name, ...style } = plan.style;
    const written = await writeSourceFile(source(plan.sourceId), { ...style, fileName: name }, plan.rows(), {
      dir, today, random: fork(), onRow: (values) => expectation.add(plan.sourceId, values),
    });
    files.push(written);
  }
  const expected = expectation.build(files.map((f) => ({ sourceId: f.sourceId, rows: f.rows, badRows: f.badRows })));
  return { files, expected };
}

function* withStrangerStudents(own: Iterable<RowValues>, strangers: readonly Outsider[], today: string): Generator<RowValues> {
  yield* own;
  for (const s of strangers) {
    yield {
      studentNo: `G${s.residentId}`, residentId: s.residentId, name: s.name, school: `南京市第${(Number(s.residentId.slice(-4, -1)) % 60) + 1}中学`,
      stage: ageOn(s.birthDate, today) >= 15 ? '普通高中' : ageOn(s.birthDate, today) >= 12 ? '初中' : '小学', schoolYear: rows.schoolYearOf(today),
      difficultyLevel: '困难', aidFen: null, guardianResidentId: null,
    };
  }
}

function* withStrangerWorkers(own: Iterable<RowValues>, strangers: readonly (Outsider & { communityCode: string | null })[], today: string): Generator<RowValues> {
  yield* own;
  let sequence = 0;
  for (const s of strangers) {
    yield {
      archiveNo: `GHW${String(++sequence).padStart(7, '0')}`, residentId: s.residentId, name: s.name, employer: null, category: '相对困难', cause: '本人患病',
      filedOn: addDays(today, -40), closed: false, phone: null, communityCode: s.communityCode,
    };
  }
}

const DIAGNOSES = ['肺炎', '脑梗死', '冠状动脉粥样硬化性心脏病', '股骨颈骨折', '恶性肿瘤化疗', '慢性阻塞性肺病急性加重', '糖尿病并发症'];

function* hospitalisationRows(settlements: readonly { residentId: string; name: string; settledOn: string; institution: string; visitType: string }[], random: Random): Generator<RowValues> {
  let sequence = 0;
  for (const s of settlements) {
    if (s.visitType !== '住院') continue;
    yield {
      admissionNo: `ZY${String(++sequence).padStart(9, '0')}`, residentId: s.residentId, name: s.name, admittedOn: addDays(s.settledOn, -random.int(2, 20)),
      dischargedOn: s.settledOn, hospital: s.institution, diagnosis: random.pick(DIAGNOSES),
    };
  }
}

const FUNERAL_HOMES = ['南京市殡仪馆', '南京市江宁区殡仪馆', '南京市六合区殡仪馆', '南京市溧水区殡仪馆', '南京市高淳区殡仪馆'];

function* deathRows(persons: readonly DemoPerson[], today: string, random: Random): Generator<RowValues> {
  for (const p of persons) {
    const diedOn = dayBetween(random, addDays(today, -30), addDays(today, -1));
    const crematedOn = addDays(diedOn, random.int(2, 5));
    yield { residentId: p.residentId, name: p.name, diedOn, crematedOn: crematedOn <= today ? crematedOn : null, funeralHome: random.pick(FUNERAL_HOMES) };
  }
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** Lines for a terminal: each file with its format, rows and spoiled rows, then the counts a registry must hold. */
export function formatCityFiles(result: CityFiles): string[] {
  const { files, expected: e } = result;
  const width = Math.max(...files.map((f) => f.sourceId.length), 6);
  const lines = [`${'source'.padEnd(width)}  format  encoding   ${'rows'.padStart(9)}  ${'bad'.padStart(5)}  file`];
  for (const f of files) {
    lines.push(`${f.sourceId.padEnd(width)}  ${f.format.padEnd(6)}  ${f.encoding.padEnd(9)}  ${grouped(f.rows).padStart(9)}  ${grouped(f.badRows).padStart(5)}  ${basename(f.path)}`);
  }
  const total = files.reduce((sum, f) => sum + f.rows, 0);
  const bad = files.reduce((sum, f) => sum + f.badRows, 0);
  lines.push(`${'total'.padEnd(width)}  ${''.padEnd(6)}  ${''.padEnd(9)}  ${grouped(total).padStart(9)}  ${grouped(bad).padStart(5)}`);
  const yuan = (fen: number) => grouped(Math.round(fen / 100));
  const p = e.programmes;
  lines.push(
    `persons ${grouped(e.persons)}, households ${grouped(e.households)} (in the database ${grouped(e.householdsInDatabase)})`,
    `dibao ${grouped(p.dibao.households)} households, ${grouped(p.dibao.persons)} persons, ${yuan(p.dibao.monthlyAmountFen)} yuan a month`,
    `marginal ${grouped(p.marginal.households)} households, ${grouped(p.marginal.persons)} persons`,
    `special hardship ${grouped(p.special_hardship.persons)} persons in ${grouped(p.special_hardship.households)} households, ${yuan(p.special_hardship.monthlyAmountFen)} yuan a month`,
    `temporary assistance (half year) ${grouped(p.temporary_assistance.persons)} persons, ${grouped(p.temporary_assistance.grants)} grants, average ${yuan(p.temporary_assistance.averagePerPersonFen)} yuan`,
    `groups: ${Object.entries(e.groups).map(([id, n]) => `${id} ${grouped(n)}`).join(', ')}`,
    `conflicts: ${Object.entries(e.conflicts).map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    `leads ${grouped(e.leads)}, deaths ${grouped(e.deaths)}`,
  );
  return lines;
}
