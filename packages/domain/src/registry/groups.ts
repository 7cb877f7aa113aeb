/**
 * Population groups of the low-income database (困难群众数据库), as configuration: each
 * group says which department's feed puts a person in it, which rows count, and when the
 * membership ends. The registry holds one membership per person, group and source record,
 * with its start and end dates and status, so a roster re-sent next month updates or ends
 * memberships instead of adding them again.
 */

import { addDays } from '../calendar/index.js';
import { ageOn } from '../identity/index.js';
import type { FieldValue } from '../intake/index.js';

type Values = Readonly<Record<string, FieldValue>>;

export type GroupRule =
  /** A row of `source` (matching `where`) makes its `residentId` a member from `start`. */
  | {
      readonly kind: 'record';
      readonly source: string;
      /** Field → accepted values; all must hold. */
      readonly where?: Readonly<Record<string, readonly (string | boolean)[]>>;
      readonly start: string;
      /** A date field ending the membership once it has passed. */
      readonly end?: string;
      /** Field → values that mean the membership has ended (停保, 已退出, 风险已消除). */
      readonly endedWhen?: Readonly<Record<string, readonly (string | boolean)[]>>;
      /** A one-off event keeps its member in the group this many days. */
      readonly lastsDays?: number;
      /** Only members in this age range on the day of evaluation. */
      readonly age?: { readonly min?: number; readonly max?: number };
    }
  /**
   * From the household register's composition: persons of an age, optionally living alone.
   * Such memberships are recomputed whenever the household changes.
   */
  | { readonly kind: 'household'; readonly age: { readonly min?: number; readonly max?: number }; readonly livingAlone?: boolean };

export interface GroupDefinition {
  /** Kebab-case, stable: stored with every membership. */
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly department: string;
  readonly rule: GroupRule;
}

const CIVIL = '市民政局';
const HRSS = '市人社局';
const MEDICAL = '市医保局';
const EMERGENCY = '市应急管理局';
const DPF = '市残联';
const EDUCATION = '市教育局';
const PUBLIC_SECURITY = '市公安局';
const HEALTH = '市卫健委';
const UNION = '市总工会';
const RURAL = '市农业农村局';

const rec = (source: string, start: string, more: Omit<Extract<GroupRule, { kind: 'record' }>, 'kind' | 'source' | 'start'> = {}): GroupRule => ({ kind: 'record', source, start, ...more });

/** The 32 default groups (Nanjing). */
export const POPULATION_GROUPS: readonly GroupDefinition[] = [
  { id: 'dibao', nameZh: '低保对象', nameEn: 'Dibao recipients', department: CIVIL, rule: rec('dibao-roster', 'startedOn', { end: 'endedOn', endedWhen: { status: ['停保'] } }) },
  { id: 'dibao-child', nameZh: '低保家庭未成年人', nameEn: 'Children in dibao families', department: CIVIL, rule: rec('dibao-roster', 'startedOn', { end: 'endedOn', endedWhen: { status: ['停保'] }, age: { max: 17 } }) },
  { id: 'dibao-elderly', nameZh: '低保家庭老年人', nameEn: 'Elderly in dibao families', department: CIVIL, rule: rec('dibao-roster', 'startedOn', { end: 'endedOn', endedWhen: { status: ['停保'] }, age: { min: 60 } }) },
  { id: 'marginal', nameZh: '低保边缘对象', nameEn: 'Low-income marginal', department: CIVIL, rule: rec('marginal-roster', 'recognisedOn', { end: 'endedOn', endedWhen: { status: ['已退出'] } }) },
  { id: 'special-hardship', nameZh: '特困人员', nameEn: 'Special hardship (tekun)', department: CIVIL, rule: rec('special-hardship-roster', 'startedOn', { end: 'endedOn', endedWhen: { status: ['终止'] } }) },
  { id: 'special-hardship-institutional', nameZh: '集中供养特困人员', nameEn: 'Special hardship, in an institution', department: CIVIL, rule: rec('special-hardship-roster', 'startedOn', { where: { supportMode: ['集中供养'] }, end: 'endedOn', endedWhen: { status: ['终止'] } }) },
  { id: 'special-hardship-dependent', nameZh: '失能特困人员', nameEn: 'Special hardship, unable to care for themselves', department: CIVIL, rule: rec('special-hardship-roster', 'startedOn', { where: { selfCare: ['完全丧失生活自理能力', '部分丧失生活自理能力'] }, end: 'endedOn', endedWhen: { status: ['终止'] } }) },
  { id: 'temporary-assistance', nameZh: '临时救助对象', nameEn: 'Temporary assistance received', department: CIVIL, rule: rec('temporary-assistance', 'aidedOn', { lastsDays: 365 }) },
  { id: 'orphan', nameZh: '孤儿', nameEn: 'Orphans', department: CIVIL, rule: rec('child-welfare-roster', 'recognisedOn', { where: { category: ['孤儿'] }, end: 'endedOn', endedWhen: { status: ['终止'] } }) },
  { id: 'unattended-child', nameZh: '事实无人抚养儿童', nameEn: 'De-facto unattended children', department: CIVIL, rule: rec('child-welfare-roster', 'recognisedOn', { where: { category: ['事实无人抚养儿童'] }, end: 'endedOn', endedWhen: { status: ['终止'] } }) },
  { id: 'elderly-living-alone', nameZh: '独居老人', nameEn: 'Elderly living alone', department: PUBLIC_SECURITY, rule: { kind: 'household', age: { min: 60 }, livingAlone: true } },
  { id: 'oldest-old', nameZh: '高龄老人（80岁以上）', nameEn: 'Oldest old (80+)', department: PUBLIC_SECURITY, rule: { kind: 'household', age: { min: 80 } } },
  { id: 'severely-disabled', nameZh: '重度残疾人', nameEn: 'Severely disabled (grade 1–2)', department: DPF, rule: rec('disability-certificate', 'issuedOn', { where: { level: ['一级', '二级'] }, end: 'validUntil' }) },
  { id: 'disabled', nameZh: '持证残疾人（三、四级）', nameEn: 'Disabled (grade 3–4)', department: DPF, rule: rec('disability-certificate', 'issuedOn', { where: { level: ['三级', '四级'] }, end: 'validUntil' }) },
  { id: 'disabled-child', nameZh: '残疾儿童', nameEn: 'Disabled children', department: DPF, rule: rec('disability-certificate', 'issuedOn', { end: 'validUntil', age: { max: 17 } }) },
  { id: 'mental-disability', nameZh: '精神、智力残疾人', nameEn: 'Mental or intellectual disability', department: DPF, rule: rec('disability-certificate', 'issuedOn', { where: { category: ['精神', '智力'] }, end: 'validUntil' }) },
  { id: 'registered-unemployed', nameZh: '登记失业人员', nameEn: 'Registered unemployed', department: HRSS, rule: rec('unemployment-registration', 'registeredOn', { end: 'deregisteredOn' }) },
  { id: 'unemployment-benefit', nameZh: '失业保险金领取人员', nameEn: 'Unemployment-benefit recipients', department: HRSS, rule: rec('unemployment-insurance', 'startedOn', { end: 'endedOn' }) },
  { id: 'disaster-affected', nameZh: '受灾群众', nameEn: 'Disaster-affected', department: EMERGENCY, rule: rec('disaster-affected', 'affectedOn', { lastsDays: 365 }) },
  { id: 'disaster-house-lost', nameZh: '房屋倒损受灾户', nameEn: 'Disaster-affected, house collapsed or badly damaged', department: EMERGENCY, rule: rec('disaster-affected', 'affectedOn', { where: { houseDamage: ['倒塌', '严重损坏'] }, lastsDays: 365 }) },
  { id: 'disaster-transition', nameZh: '过渡期生活救助对象', nameEn: 'Disaster-affected in transition', department: EMERGENCY, rule: rec('transition-support', 'startedOn', { end: 'endedOn' }) },
  { id: 'student-in-difficulty', nameZh: '家庭经济困难学生', nameEn: 'Students from families in difficulty', department: EDUCATION, rule: rec('student-in-difficulty', 'schoolYearStart') },
  { id: 'student-especially-difficult', nameZh: '特别困难学生', nameEn: 'Students in especial difficulty', department: EDUCATION, rule: rec('student-in-difficulty', 'schoolYearStart', { where: { difficultyLevel: ['特别困难'] } }) },
  { id: 'worker-in-difficulty', nameZh: '困难职工', nameEn: 'Workers in difficulty', department: UNION, rule: rec('worker-in-difficulty', 'filedOn', { endedWhen: { closed: [true] } }) },
  { id: 'worker-deep-difficulty', nameZh: '深度困难职工', nameEn: 'Workers in deep difficulty', department: UNION, rule: rec('worker-in-difficulty', 'filedOn', { where: { category: ['深度困难'] }, endedWhen: { closed: [true] } }) },
  { id: 'major-illness', nameZh: '大病患者', nameEn: 'Major-illness patients', department: MEDICAL, rule: rec('chronic-illness-certification', 'certifiedOn', { where: { category: ['大病'] }, end: 'validUntil' }) },
  { id: 'chronic-illness', nameZh: '门诊慢特病患者', nameEn: 'Chronic or special outpatient illness', department: MEDICAL, rule: rec('chronic-illness-certification', 'certifiedOn', { where: { category: ['门诊慢性病', '门诊特殊病'] }, end: 'validUntil' }) },
  { id: 'major-disease-reported', nameZh: '重大疾病报告患者', nameEn: 'Reported major disease', department: HEALTH, rule: rec('major-disease-report', 'diagnosedOn', { lastsDays: 730 }) },
  { id: 'severe-mental-illness', nameZh: '严重精神障碍患者', nameEn: 'Severe mental disorder', department: HEALTH, rule: rec('major-disease-report', 'diagnosedOn', { where: { diseaseCategory: ['严重精神障碍'] } }) },
  { id: 'return-to-poverty-unstable', nameZh: '脱贫不稳定户', nameEn: 'Unstable out of poverty', department: RURAL, rule: rec('return-to-poverty-monitoring', 'identifiedOn', { where: { monitoringType: ['脱贫不稳定户'] }, end: 'eliminatedOn', endedWhen: { riskEliminated: [true] } }) },
  { id: 'return-to-poverty-edge', nameZh: '边缘易致贫户', nameEn: 'At the edge of poverty', department: RURAL, rule: rec('return-to-poverty-monitoring', 'identifiedOn', { where: { monitoringType: ['边缘易致贫户'] }, end: 'eliminatedOn', endedWhen: { riskEliminated: [true] } }) },
  { id: 'sudden-hardship', nameZh: '突发严重困难户', nameEn: 'Sudden severe hardship', department: RURAL, rule: rec('return-to-poverty-monitoring', 'identifiedOn', { where: { monitoringType: ['突发严重困难户'] }, end: 'eliminatedOn', endedWhen: { riskEliminated: [true] } }) },
];

const BY_ID = new Map(POPULATION_GROUPS.map((g) => [g.id, g]));

export function groupById(id: string): GroupDefinition | undefined {
  return BY_ID.get(id);
}

/** Sources whose rows put people in groups (the roster feeds). */
export const GROUP_SOURCES: ReadonlySet<string> = new Set(POPULATION_GROUPS.flatMap((g) => (g.rule.kind === 'record' ? [g.rule.source] : [])));

export interface GroupMembershipFact {
  readonly groupId: string;
  readonly startedOn: string;
  /** The planned or actual end; null while open-ended. */
  readonly endedOn: string | null;
  readonly status: 'active' | 'ended';
}

function matches(values: Values, condition: Readonly<Record<string, readonly (string | boolean)[]>> | undefined): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([field, accepted]) => {
    const value = values[field];
    return value !== null && value !== undefined && accepted.includes(value as string | boolean);
  });
}

function inAgeRange(birthDate: string | null, age: { min?: number; max?: number } | undefined, today: string): boolean {
  if (!age) return true;
  if (!birthDate) return false;
  const years = ageOn(birthDate, today);
  return (age.min === undefined || years >= age.min) && (age.max === undefined || years <= age.max);
}

/** 2025-2026 → 2025-09-01: when a school year's recognition starts. */
function schoolYearStart(value: FieldValue | undefined): string | null {
  const match = typeof value === 'string' ? /^(\d{4})/.exec(value) : null;
  return match ? `${match[1]}-09-01` : null;
}

/**
 * The group memberships a source row establishes for its person, as of `today`. `birthDate`
 * is the person's (from the resident ID) for groups bounded by age.
 */
export function membershipsFromRecord(sourceId: string, values: Values, birthDate: string | null, today: string): GroupMembershipFact[] {
  const facts: GroupMembershipFact[] = [];
  for (const group of POPULATION_GROUPS) {
    const rule = group.rule;
    if (rule.kind !== 'record' || rule.source !== sourceId) continue;
    if (!matches(values, rule.where) || !inAgeRange(birthDate, rule.age, today)) continue;
    const startedOn = rule.start === 'schoolYearStart' ? schoolYearStart(values.schoolYear) : (values[rule.start] as string | null | undefined) ?? null;
    if (!startedOn) continue;
    let endedOn = rule.end ? ((values[rule.end] as string | null | undefined) ?? null) : null;
    if (rule.lastsDays !== undefined) endedOn = addDays(startedOn, rule.lastsDays);
    const endedByStatus = rule.endedWhen !== undefined && Object.entries(rule.endedWhen).some(([field, ended]) => {
      const value = values[field];
      return value !== null && value !== undefined && ended.includes(value as string | boolean);
    });
    const status = endedByStatus || (endedOn !== null && endedOn <= today) ? 'ended' : 'active';
    facts.push({ groupId: group.id, startedOn, endedOn: endedByStatus && !endedOn ? today : endedOn, status });
  }
  return facts;
}

export interface HouseholdMemberFacts {
  readonly birthDate: string;
  /** Members of the household alive and registered in it, this person included. */
  readonly householdSize: number;
  /** The date the person joined the household (迁入日期), or when it was first seen. */
  readonly since: string;
}

/** Memberships that follow from the household register: age groups, living alone. */
export function membershipsFromHousehold(member: HouseholdMemberFacts, today: string): GroupMembershipFact[] {
  const facts: GroupMembershipFact[] = [];
  for (const group of POPULATION_GROUPS) {
    const rule = group.rule;
    if (rule.kind !== 'household') continue;
    if (!inAgeRange(member.birthDate, rule.age, today)) continue;
    if (rule.livingAlone && member.householdSize !== 1) continue;
    facts.push({ groupId: group.id, startedOn: member.since, endedOn: null, status: 'active' });
  }
  return facts;
}

export type ProgrammeKind = 'dibao' | 'marginal' | 'special_hardship' | 'temporary_assistance';

export interface ProgrammeFact {
  readonly programme: ProgrammeKind;
  /** The roster's own household number (低保户编号), when it has one. */
  readonly rosterHouseholdNo: string | null;
  /** Monthly amount in fen; for temporary assistance, the one-off amount. */
  readonly amountFen: number;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly status: 'active' | 'ended';
}

/** The programme enrolment (with its money) a roster or assistance row records. */
export function programmeFromRecord(sourceId: string, values: Values, today: string): ProgrammeFact | null {
  const date = (key: string) => (values[key] as string | null | undefined) ?? null;
  const fen = (key: string) => (typeof values[key] === 'number' ? (values[key] as number) : 0);
  const status = (endedOn: string | null, ended: boolean) => (ended || (endedOn !== null && endedOn <= today) ? 'ended' : 'active') as 'active' | 'ended';
  switch (sourceId) {
    case 'dibao-roster':
      return { programme: 'dibao', rosterHouseholdNo: String(values.householdNo), amountFen: fen('monthlyAllowanceFen'), startedOn: date('startedOn') ?? today, endedOn: date('endedOn'), status: status(date('endedOn'), values.status === '停保') };
    case 'marginal-roster':
      return { programme: 'marginal', rosterHouseholdNo: String(values.householdNo), amountFen: 0, startedOn: date('recognisedOn') ?? today, endedOn: date('endedOn'), status: status(date('endedOn'), values.status === '已退出') };
    case 'special-hardship-roster':
      return { programme: 'special_hardship', rosterHouseholdNo: null, amountFen: fen('monthlySupportFen') + fen('monthlyCareFen'), startedOn: date('startedOn') ?? today, endedOn: date('endedOn'), status: status(date('endedOn'), values.status === '终止') };
    case 'temporary-assistance': {
      const aidedOn = date('aidedOn') ?? today;
      return { programme: 'temporary_assistance', rosterHouseholdNo: null, amountFen: fen('amountFen'), startedOn: aidedOn, endedOn: aidedOn, status: 'ended' };
    }
    default:
      return null;
  }
}

/** Sources whose rows record a programme enrolment (see `programmeFromRecord`). */
export const PROGRAMME_SOURCES: ReadonlySet<string> = new Set(['dibao-roster', 'marginal-roster', 'special-hardship-roster', 'temporary-assistance']);

/** Programmes whose enrolment a death record must not end silently. */
export const ENROLMENT_PROGRAMMES: ReadonlySet<ProgrammeKind> = new Set(['dibao', 'marginal', 'special_hardship']);
