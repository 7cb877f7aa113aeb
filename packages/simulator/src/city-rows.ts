/**
 * The rows departments hold about the demo city, as validated values (dates ISO, amounts fen):
 * the household register, the civil-affairs rosters and the other departments' rosters, and
 * the signal feeds. Written from the city's programmes and facts; each generator yields rows
 * in the city's order, so the same city gives the same rows.
 */

import { addDays, cityTerritory } from '@shouwang/domain';
import type { DemoCity, DemoHousehold, DemoPerson } from './city.js';
import { dayBetween, type PersonFacts } from './facts.js';
import type { RowValues } from './file-writer.js';
import { dibaoAllowanceFen, incomeStandardOn, type IncomeStandard } from './income.js';
import { Random } from './random.js';

/** 与户主关系 as the household register writes it (GB/T 4761). */
export function relationToHead(household: DemoHousehold, person: DemoPerson): string {
  const male = person.sex === 'male';
  switch (person.relation) {
    case '户主': return '户主';
    case '配偶': return '配偶';
    case '子女': return male ? '子' : '女';
    case '父母': return male ? '父亲' : '母亲';
    case '孙子女': return male ? '孙子' : '孙女';
    case '其他': return household.members.some((m) => m.relation === '孙子女') ? (male ? '女婿' : '儿媳') : '兄弟姐妹';
  }
}

const later = (a: string, b: string): string => (a > b ? a : b);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Names of districts and sub-districts, for institutions and schools. */
export class PlaceNames {
  readonly #districts: Map<string, string>;
  readonly #subdistricts: Map<string, string>;

  constructor(cityCode: string) {
    const territory = cityTerritory(cityCode);
    this.#districts = new Map(territory?.districts.map((d) => [d.code, d.name]) ?? []);
    this.#subdistricts = new Map(territory?.subdistricts.map((s) => [s.code, s.name]) ?? []);
  }

  district(communityCode: string): string {
    return this.#districts.get(communityCode.slice(0, 6)) ?? '';
  }

  subdistrict(communityCode: string): string {
    return this.#subdistricts.get(communityCode.slice(0, 9)) ?? '';
  }
}

/** The roster numbers civil affairs gives its households: `DB` or `BY`, district, sequence. */
export function rosterNumbers(city: DemoCity): Map<DemoHousehold, string> {
  const numbers = new Map<DemoHousehold, string>();
  let sequence = 0;
  for (const h of city.households) {
    if (h.programme === 'dibao' || h.programme === 'marginal') numbers.set(h, `${h.programme === 'dibao' ? 'DB' : 'BY'}${h.communityCode.slice(0, 6)}${pad(++sequence, 6)}`);
  }
  return numbers;
}

export function* householdRegistrationRows(city: DemoCity, random: Random): Generator<RowValues> {
  for (const h of city.households) {
    for (const m of h.members) {
      // Children are registered at birth; adults moved in when they set up or joined the household.
      const bornHere = m.relation === '子女' || m.relation === '孙子女';
      const movedInOn = bornHere ? m.birthDate : dayBetween(random, later(addDays(m.birthDate, 6_570), '1985-01-01'), addDays(city.today, -30));
      yield {
        householdNo: h.key, residentId: m.residentId, name: m.name, relationToHead: relationToHead(h, m), address: h.address,
        communityCode: h.communityCode, movedInOn: later(movedInOn, m.birthDate), registrationStatus: '正常', phone: m.phone,
      };
    }
  }
}

export interface DuplicateEnrolment {
  readonly person: DemoPerson;
  /** The other dibao household whose roster also lists the person. */
  readonly household: DemoHousehold;
}

export function* dibaoRosterRows(city: DemoCity, numbers: Map<DemoHousehold, string>, duplicates: readonly DuplicateEnrolment[]): Generator<RowValues> {
  const standard = incomeStandardOn(city.cityCode, city.today);
  const row = (h: DemoHousehold, m: DemoPerson, relation: string): RowValues => ({
    householdNo: numbers.get(h) as string, residentId: m.residentId, name: m.name, relationToHead: relation, members: h.members.length,
    monthlyAllowanceFen: dibaoAllowanceFen(standard, h.members.length, h.annualIncomeFen), startedOn: h.programmeSince, endedOn: null, status: '在保', communityCode: h.communityCode,
  });
  for (const h of city.households) {
    if (h.programme !== 'dibao') continue;
    for (const m of h.members) yield row(h, m, relationToHead(h, m));
  }
  for (const { person, household } of duplicates) yield row(household, person, '其他');
}

export function* marginalRosterRows(city: DemoCity, numbers: Map<DemoHousehold, string>): Generator<RowValues> {
  for (const h of city.households) {
    if (h.programme !== 'marginal') continue;
    const perCapitaIncomeFen = Math.round(h.annualIncomeFen / 12 / h.members.length);
    for (const m of h.members) {
      yield {
        householdNo: numbers.get(h) as string, residentId: m.residentId, name: m.name, relationToHead: relationToHead(h, m), members: h.members.length,
        perCapitaIncomeFen, recognisedOn: h.programmeSince, endedOn: null, status: '有效', communityCode: h.communityCode,
      };
    }
  }
}

/** Monthly care allowance (照料护理费) by ability to care for oneself. */
const CARE_FEN: Readonly<Record<string, number>> = { 完全丧失生活自理能力: 120_000, 部分丧失生活自理能力: 48_000, 具备生活自理能力: 12_000 };

export function* specialHardshipRows(city: DemoCity, places: PlaceNames): Generator<RowValues> {
  const standard: IncomeStandard = incomeStandardOn(city.cityCode, city.today);
  // Nanjing's basic living standard for special hardship is 1.3 times the dibao standard.
  const supportFen = Math.round((standard.dibaoStandardFen * 1.3) / 100) * 100;
  for (const h of city.households) {
    for (const m of h.members) {
      const fact = m.facts?.specialHardship;
      if (fact === undefined) continue;
      const institutional = fact.supportMode === '集中供养';
      yield {
        residentId: m.residentId, name: m.name, supportMode: fact.supportMode, selfCare: fact.selfCare, monthlySupportFen: supportFen,
        monthlyCareFen: CARE_FEN[fact.selfCare] ?? 0,
        institution: institutional ? (h.rural ? `${places.subdistrict(h.communityCode)}敬老院` : `南京市${places.district(h.communityCode)}社会福利院`) : null,
        startedOn: fact.startedOn, endedOn: null, status: '在供', communityCode: h.communityCode,
      };
    }
  }
}

/** Every member with a fact of the given kind, with his household. */
function* withFact<K extends keyof PersonFacts>(city: DemoCity, kind: K): Generator<{ h: DemoHousehold; m: DemoPerson; fact: NonNullable<PersonFacts[K]> }> {
  for (const h of city.households) {
    for (const m of h.members) {
      const fact = m.facts?.[kind];
      if (fact !== undefined) yield { h, m, fact: fact as NonNullable<PersonFacts[K]> };
    }
  }
}

export function* childWelfareRows(city: DemoCity): Generator<RowValues> {
  for (const { h, m, fact } of withFact(city, 'childWelfare')) {
    yield {
      residentId: m.residentId, name: m.name, category: fact.category, recognisedOn: fact.recognisedOn, monthlyAllowanceFen: 209_000,
      guardianName: h.members[0]?.name ?? null, endedOn: null, status: '在保', communityCode: h.communityCode,
    };
  }
}

const DISABILITY_CODES: Readonly<Record<string, string>> = { 视力: '1', 听力: '2', 言语: '3', 肢体: '4', 智力: '5', 精神: '6', 多重: '7' };
const LEVEL_CODES: Readonly<Record<string, string>> = { 一级: '1', 二级: '2', 三级: '3', 四级: '4' };

export function* disabilityRows(city: DemoCity): Generator<RowValues> {
  for (const { h, m, fact } of withFact(city, 'disability')) {
    // The second-generation certificate number is the resident ID, the category and the level.
    yield {
      certificateNo: `${m.residentId}${DISABILITY_CODES[fact.category]}${LEVEL_CODES[fact.level]}`, residentId: m.residentId, name: m.name,
      category: fact.category, level: fact.level, issuedOn: fact.issuedOn, validUntil: fact.validUntil, communityCode: h.communityCode,
    };
  }
}

const EMPLOYER_WORDS = ['金陵', '紫金', '秦淮', '钟山', '扬子', '石城', '长江', '华东', '恒信', '瑞达', '众诚', '博源', '汇通', '新港', '天元', '仙林'];
const INDUSTRIES = ['科技', '物业管理', '建设工程', '餐饮管理', '商贸', '物流', '电子', '医药', '保洁服务', '汽车服务', '纺织', '印务'];

export function employerName(random: Random): string {
  return `南京${random.pick(EMPLOYER_WORDS)}${random.pick(INDUSTRIES)}有限公司`;
}

export function* unemploymentRegistrationRows(city: DemoCity, random: Random): Generator<RowValues> {
  let sequence = 0;
  for (const { h, m, fact } of withFact(city, 'unemployment')) {
    yield {
      residentId: m.residentId, name: m.name, registeredOn: fact.registeredOn, cardNo: `3201${pad(++sequence, 10)}`, formerEmployer: employerName(random),
      reason: random.pick(['劳动合同期满', '单位裁员', '个人原因离职', '单位关闭破产']), deregisteredOn: fact.deregisteredOn, communityCode: h.communityCode,
    };
  }
}

export function* unemploymentInsuranceRows(city: DemoCity): Generator<RowValues> {
  for (const { m, fact } of withFact(city, 'unemployment')) {
    const benefit = fact.benefit;
    if (benefit === null) continue;
    const endedOn = addDays(benefit.startedOn, benefit.months * 30);
    yield {
      residentId: m.residentId, name: m.name, startedOn: benefit.startedOn, endedOn, monthlyBenefitFen: benefit.monthlyBenefitFen, months: benefit.months,
      endReason: endedOn <= city.today ? '领取期满' : null,
    };
  }
}

const UNIVERSITIES = ['南京大学', '东南大学', '南京师范大学', '南京工业大学', '南京邮电大学', '南京林业大学', '南京财经大学'];
const VOCATIONAL = ['南京工业职业技术大学', '南京信息职业技术学院', '南京城市职业学院', '南京交通职业技术学院'];
const AID_BY_STAGE: Readonly<Record<string, number>> = { 学前: 100_000, 小学: 100_000, 初中: 125_000, 普通高中: 200_000, 中职: 200_000, 高职: 330_000, 本科: 330_000 };

/** The school year of a date: from September on, `2025-2026`. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function* studentRows(city: DemoCity, places: PlaceNames, random: Random): Generator<RowValues> {
  const schoolYear = schoolYearOf(city.today);
  for (const { h, m, fact } of withFact(city, 'student')) {
    const area = places.subdistrict(h.communityCode).replace(/(街道|镇)$/, '');
    const school = ((): string => {
      switch (fact.stage) {
        case '学前': return `南京市${area}幼儿园`;
        case '小学': return `南京市${area}小学`;
        case '初中':
        case '普通高中': return `南京市第${random.int(1, 66)}中学`;
        case '中职': return `南京市${places.district(h.communityCode)}中等专业学校`;
        case '高职': return random.pick(VOCATIONAL);
        case '本科': return random.pick(UNIVERSITIES);
      }
    })();
    const head = h.members[0] as DemoPerson;
    yield {
      studentNo: `G${m.residentId}`, residentId: m.residentId, name: m.name, school, stage: fact.stage, schoolYear, difficultyLevel: fact.difficultyLevel,
      aidFen: AID_BY_STAGE[fact.stage] ?? null, guardianResidentId: head === m ? null : head.residentId,
    };
  }
}

export function* workerRows(city: DemoCity, random: Random): Generator<RowValues> {
  let sequence = 0;
  for (const { h, m, fact } of withFact(city, 'workerInDifficulty')) {
    yield {
      archiveNo: `GH${pad(++sequence, 8)}`, residentId: m.residentId, name: m.name, employer: employerName(random), category: fact.category, cause: fact.cause,
      filedOn: fact.filedOn, closed: fact.closed, phone: h.members[0]?.phone ?? null, communityCode: h.communityCode,
    };
  }
}

export function* chronicIllnessRows(city: DemoCity): Generator<RowValues> {
  for (const { m, fact } of withFact(city, 'illness')) {
    yield { residentId: m.residentId, name: m.name, disease: fact.disease, category: fact.category, certifiedOn: fact.certifiedOn, validUntil: fact.validUntil };
  }
}

const REPORTING = ['江苏省人民医院', '南京鼓楼医院', '江苏省肿瘤医院', '南京脑科医院', '东部战区总医院', '南京市第一医院'];

export function* majorDiseaseRows(city: DemoCity, random: Random): Generator<RowValues> {
  let sequence = 0;
  for (const { m, fact } of withFact(city, 'majorDisease')) {
    yield {
      reportNo: `BG${fact.diagnosedOn.slice(0, 4)}${pad(++sequence, 8)}`, residentId: m.residentId, name: m.name, diseaseCategory: fact.category,
      disease: fact.disease, diagnosedOn: fact.diagnosedOn, reportingInstitution: fact.category === '严重精神障碍' ? '南京脑科医院' : random.pick(REPORTING),
    };
  }
}

export function* disasterRows(city: DemoCity): Generator<RowValues> {
  for (const h of city.households) {
    const d = h.facts?.disaster;
    if (d === undefined) continue;
    const head = h.members[0] as DemoPerson;
    yield {
      residentId: head.residentId, name: head.name, affectedOn: d.affectedOn, disasterType: d.disasterType, houseDamage: d.houseDamage, lossFen: d.lossFen,
      affectedPersons: h.members.length, phone: head.phone, communityCode: h.communityCode,
    };
  }
}

export function* transitionRows(city: DemoCity): Generator<RowValues> {
  for (const h of city.households) {
    const d = h.facts?.disaster;
    if (d?.transition == null) continue;
    const head = h.members[0] as DemoPerson;
    yield {
      residentId: head.residentId, name: head.name, disasterType: d.disasterType, persons: h.members.length, startedOn: d.transition.startedOn,
      endedOn: d.transition.endedOn, amountFen: d.transition.amountFen, communityCode: h.communityCode,
    };
  }
}

export function* povertyMonitoringRows(city: DemoCity): Generator<RowValues> {
  let sequence = 0;
  for (const h of city.households) {
    const p = h.facts?.povertyMonitoring;
    if (p === undefined) continue;
    const householdNo = `FP${h.communityCode}${pad(++sequence, 5)}`;
    for (const m of h.members) {
      yield {
        householdNo, residentId: m.residentId, name: m.name, relationToHead: relationToHead(h, m), monitoringType: p.monitoringType, riskType: p.riskType,
        identifiedOn: p.identifiedOn, riskEliminated: p.eliminatedOn !== null, eliminatedOn: p.eliminatedOn, communityCode: h.communityCode,
      };
    }
  }
}

export function* temporaryAssistanceRows(city: DemoCity): Generator<RowValues> {
  let sequence = 0;
  for (const { h, m, fact } of withFact(city, 'temporaryAid')) {
    yield {
      aidNo: `LS${fact.aidedOn.replaceAll('-', '')}${pad(++sequence, 6)}`, residentId: m.residentId, name: m.name, amountFen: fact.amountFen, aidedOn: fact.aidedOn,
      reason: fact.reason, approvalLevel: fact.approvalLevel, phone: h.members[0]?.phone ?? null, communityCode: h.communityCode,
    };
  }
}

/** Whether a person of `household` is enrolled in dibao, marginal or special hardship. */
export function isEnrolled(household: DemoHousehold, person: DemoPerson): boolean {
  return household.programme === 'dibao' || household.programme === 'marginal' || person.facts?.specialHardship !== undefined;
}
