/**
 * What the departments know about a person or a household of the demo city, beyond the
 * household register: a disability certificate (残疾人证), registered unemployment (失业登记)
 * and unemployment benefit, a student or a worker recognised as in difficulty, a certified
 * chronic or serious illness, a reported major disease, an orphan's or unattended child's
 * allowance, special hardship support (特困供养); for the household, a disaster and return-to-
 * poverty monitoring (防返贫监测). The department files are written from these facts.
 *
 * The whole city is the low-income database: a household that no department would name on
 * its own (no programme, no fact, nobody 80 or over or 60 and living alone) is given one
 * reason to be in it, active on the generation date.
 */

import { addDays, ageOn, daysBetween } from '@shouwang/domain';
import type { MemberSpec } from './households.js';
import type { Programme } from './income.js';
import { Random, WeightedChoice } from './random.js';

export type DisabilityCategory = '视力' | '听力' | '言语' | '肢体' | '智力' | '精神' | '多重';
export type DisabilityLevel = '一级' | '二级' | '三级' | '四级';
export type SchoolStage = '学前' | '小学' | '初中' | '普通高中' | '中职' | '高职' | '本科';
export type IllnessCategory = '门诊慢性病' | '门诊特殊病' | '大病';
export type MajorDiseaseCategory = '恶性肿瘤' | '尿毒症' | '严重精神障碍' | '白血病' | '罕见病' | '其他重大疾病';
export type SelfCare = '具备生活自理能力' | '部分丧失生活自理能力' | '完全丧失生活自理能力';
export type DisasterType = '暴雨' | '洪涝' | '台风' | '火灾' | '冰雪' | '其他';
export type HouseDamage = '倒塌' | '严重损坏' | '一般损坏' | '未损坏';
export type MonitoringType = '脱贫不稳定户' | '边缘易致贫户' | '突发严重困难户';

/** Facts about one person; every date ISO, every amount integer fen. */
export interface PersonFacts {
  disability?: { category: DisabilityCategory; level: DisabilityLevel; issuedOn: string; validUntil: string | null };
  unemployment?: {
    registeredOn: string;
    deregisteredOn: string | null;
    /** 失业保险金: paid for `months` months from `startedOn`. */
    benefit: { startedOn: string; months: number; monthlyBenefitFen: number } | null;
  };
  student?: { stage: SchoolStage; difficultyLevel: '特别困难' | '困难' | '一般困难' };
  workerInDifficulty?: { category: '深度困难' | '相对困难' | '意外致困'; cause: string; filedOn: string; closed: boolean };
  illness?: { category: IllnessCategory; disease: string; certifiedOn: string; validUntil: string | null };
  majorDisease?: { category: MajorDiseaseCategory; disease: string; diagnosedOn: string };
  childWelfare?: { category: '孤儿' | '事实无人抚养儿童'; recognisedOn: string };
  specialHardship?: { supportMode: '集中供养' | '分散供养'; selfCare: SelfCare; startedOn: string };
  /** One temporary-assistance grant (临时救助) in the half year before the generation date. */
  temporaryAid?: { aidedOn: string; amountFen: number; reason: string; approvalLevel: '街道' | '区' | '市' };
}

export interface HouseholdFacts {
  disaster?: {
    affectedOn: string;
    disasterType: DisasterType;
    houseDamage: HouseDamage;
    lossFen: number;
    /** 过渡期生活救助 for a house that collapsed or was badly damaged. */
    transition: { startedOn: string; endedOn: string; amountFen: number } | null;
  };
  povertyMonitoring?: { monitoringType: MonitoringType; riskType: string; identifiedOn: string; eliminatedOn: string | null };
}

export interface FactContext {
  readonly members: readonly MemberSpec[];
  readonly birthDates: readonly string[];
  readonly programme: Programme | null;
  readonly rural: boolean;
  readonly today: string;
}

export interface AssignedFacts {
  /** One entry per member; undefined where the member has no fact. */
  readonly persons: (PersonFacts | undefined)[];
  readonly household: HouseholdFacts | undefined;
}

const DISABILITY_CATEGORIES = new WeightedChoice<DisabilityCategory>([['肢体', 48], ['视力', 12], ['听力', 12], ['言语', 1], ['智力', 9], ['精神', 13], ['多重', 5]]);
const CHILD_DISABILITY_CATEGORIES = new WeightedChoice<DisabilityCategory>([['智力', 35], ['肢体', 25], ['听力', 15], ['言语', 10], ['多重', 10], ['视力', 5]]);
const DISABILITY_LEVELS = new WeightedChoice<DisabilityLevel>([['一级', 12], ['二级', 25], ['三级', 28], ['四级', 35]]);
const ILLNESS = new WeightedChoice<IllnessCategory>([['门诊慢性病', 70], ['门诊特殊病', 18], ['大病', 12]]);
const ILLNESS_DISEASES: Readonly<Record<IllnessCategory, readonly string[]>> = {
  门诊慢性病: ['高血压病', '糖尿病', '冠心病', '慢性阻塞性肺疾病', '脑卒中后遗症', '类风湿关节炎', '慢性心力衰竭'],
  门诊特殊病: ['恶性肿瘤门诊治疗', '尿毒症透析', '器官移植抗排异治疗', '血友病', '精神分裂症'],
  大病: ['恶性肿瘤', '尿毒症', '白血病', '重症再生障碍性贫血'],
};
const MAJOR_DISEASES = new WeightedChoice<MajorDiseaseCategory>([['恶性肿瘤', 60], ['尿毒症', 10], ['严重精神障碍', 15], ['白血病', 5], ['罕见病', 3], ['其他重大疾病', 7]]);
const MAJOR_DISEASE_NAMES: Readonly<Record<MajorDiseaseCategory, readonly string[]>> = {
  恶性肿瘤: ['肺恶性肿瘤', '胃恶性肿瘤', '肝恶性肿瘤', '结直肠恶性肿瘤', '乳腺恶性肿瘤', '食管恶性肿瘤'],
  尿毒症: ['慢性肾脏病5期(尿毒症)'],
  严重精神障碍: ['精神分裂症', '双相情感障碍', '偏执性精神病'],
  白血病: ['急性髓系白血病', '急性淋巴细胞白血病'],
  罕见病: ['肌萎缩侧索硬化', '血友病', '戈谢病'],
  其他重大疾病: ['重症肌无力', '系统性红斑狼疮'],
};
const WORKER_CAUSES = ['本人患病', '家庭成员患重病', '子女就学', '单位经营困难', '意外事故', '因残'];
const WORKER_CATEGORIES = new WeightedChoice<'深度困难' | '相对困难' | '意外致困'>([['深度困难', 20], ['相对困难', 60], ['意外致困', 20]]);
const DISASTER_TYPES = new WeightedChoice<DisasterType>([['暴雨', 35], ['洪涝', 20], ['台风', 10], ['火灾', 20], ['冰雪', 10], ['其他', 5]]);
const HOUSE_DAMAGE = new WeightedChoice<HouseDamage>([['倒塌', 3], ['严重损坏', 10], ['一般损坏', 50], ['未损坏', 37]]);
const MONITORING_TYPES = new WeightedChoice<MonitoringType>([['脱贫不稳定户', 30], ['边缘易致贫户', 50], ['突发严重困难户', 20]]);
const RISK_TYPES = ['因病', '因残', '因学', '因灾', '缺劳力', '因意外事故', '务工就业不稳'];
const AID_REASONS = ['因病致困', '突发意外事故', '火灾受损', '子女就学困难', '失业致困', '生活必需支出突然增加', '其他特殊困难'];
const SELF_CARE = new WeightedChoice<SelfCare>([['具备生活自理能力', 60], ['部分丧失生活自理能力', 25], ['完全丧失生活自理能力', 15]]);

/** A day between `from` and `to`, both inclusive (`from` is moved up to `to` when later). */
export function dayBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? to : addDays(from, random.int(0, span));
}

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** How much more often a family of this programme has a disability, an illness, unemployment. */
function lowIncomeFactor(programme: Programme | null): number {
  switch (programme) {
    case 'dibao': return 2.5;
    case 'special_hardship': return 3;
    case 'marginal': return 1.8;
    case null: return 1;
  }
}

function stageOf(random: Random, age: number): SchoolStage | null {
  if (age < 3 || age > 22) return null;
  if (age <= 5) return '学前';
  if (age <= 11) return '小学';
  if (age <= 14) return '初中';
  if (age <= 17) return random.chance(0.25) ? '中职' : '普通高中';
  return random.chance(0.4) ? '高职' : '本科';
}

/** Assigns the facts of the households of a city generated on `today`. */
export class FactMaker {
  readonly #today: string;

  constructor(today: string) {
    this.#today = today;
  }

  assign(random: Random, ctx: FactContext): AssignedFacts {
    const persons: (PersonFacts | undefined)[] = ctx.members.map(() => undefined);
    const facts = (i: number): PersonFacts => (persons[i] ??= {});
    const factor = lowIncomeFactor(ctx.programme);
    const ages = ctx.birthDates.map((b) => ageOn(b, this.#today));
    let active = ctx.programme !== null || ages.some((a) => a >= 80) || (ages.length === 1 && (ages[0] as number) >= 60);

    ctx.members.forEach((member, i) => {
      const age = ages[i] as number;
      const birth = ctx.birthDates[i] as string;
      if (ctx.programme === 'special_hardship') {
        facts(i).specialHardship = this.#specialHardship(random, birth, age);
        if (age < 60) facts(i).disability = this.#disability(random, birth, age, true);
      }
      const disabilityShare = age < 18 ? 0.008 : age < 60 ? 0.03 : age < 80 ? 0.07 : 0.12;
      if (persons[i]?.disability === undefined && random.chance(disabilityShare * factor)) {
        facts(i).disability = this.#disability(random, birth, age, false);
        active = true;
      }
      if (age >= 18 && age <= 59 && random.chance(0.02 * factor)) {
        const unemployment = this.#unemployment(random, birth);
        facts(i).unemployment = unemployment;
        active ||= unemployment.deregisteredOn === null;
      }
      const studentShare = ctx.programme === null ? 0.03 : 0.85;
      const stage = stageOf(random, age);
      if (stage !== null && random.chance(studentShare)) {
        facts(i).student = this.#student(random, stage, ctx.programme);
        active = true;
      }
      if (ctx.programme !== 'dibao' && ctx.programme !== 'special_hardship' && age >= 25 && age <= 59 && random.chance(0.01)) {
        const worker = this.#worker(random, false);
        facts(i).workerInDifficulty = worker;
        active ||= !worker.closed;
      }
      if (age >= 40 && random.chance((age >= 60 ? 0.12 : 0.05) * Math.sqrt(factor))) {
        facts(i).illness = this.#illness(random);
        active = true;
      }
      if (random.chance((age >= 40 ? 0.012 : 0.002) * Math.sqrt(factor))) {
        facts(i).majorDisease = this.#majorDisease(random, birth);
        active = true;
      }
      if (member.relation === '孙子女' && age < 18 && ctx.members.length === 2) {
        const roll = random.next();
        if (roll < 0.1) {
          facts(i).childWelfare = { category: roll < 0.03 ? '孤儿' : '事实无人抚养儿童', recognisedOn: this.#since(random, birth, 3_000) };
          active = true;
        }
      }
    });

    let household: HouseholdFacts | undefined;
    if (random.chance(ctx.rural ? 0.012 : 0.004)) {
      household = { disaster: this.#disaster(random, ctx.members.length) };
      active = true;
    }
    if (ctx.rural && random.chance(ctx.programme === null ? 0.02 : 0.08)) {
      const monitoring = this.#monitoring(random, false);
      household = { ...household, povertyMonitoring: monitoring };
      active ||= monitoring.eliminatedOn === null;
    }
    if (!active) household = this.#reason(random, ctx, ages, persons, household);
    return { persons, household };
  }

  /** One active fact for a household nobody would otherwise name. */
  #reason(random: Random, ctx: FactContext, ages: readonly number[], persons: (PersonFacts | undefined)[], household: HouseholdFacts | undefined): HouseholdFacts | undefined {
    const facts = (i: number): PersonFacts => (persons[i] ??= {});
    if (ctx.rural && random.chance(0.3)) return { ...household, povertyMonitoring: this.#monitoring(random, true) };
    const pick = (test: (age: number) => boolean): number | undefined => {
      const candidates = ages.flatMap((a, i) => (test(a) ? [i] : []));
      return candidates.length === 0 ? undefined : random.pick(candidates);
    };
    const student = pick((a) => a >= 6 && a <= 22);
    const working = pick((a) => a >= 25 && a <= 59);
    const older = pick((a) => a >= 40);
    const anyone = random.int(0, ages.length - 1);
    const roll = random.next();
    const birth = (i: number) => ctx.birthDates[i] as string;
    if (student !== undefined && roll < 0.25) {
      facts(student).student = this.#student(random, stageOf(random, ages[student] as number) as SchoolStage, null);
    } else if (older !== undefined && roll < 0.45) {
      facts(older).illness = this.#illness(random);
    } else if (working !== undefined && roll < 0.6) {
      facts(working).unemployment = { ...this.#unemployment(random, birth(working)), deregisteredOn: null };
    } else if (working !== undefined && roll < 0.68) {
      facts(working).workerInDifficulty = this.#worker(random, true);
    } else if (older !== undefined && roll < 0.74) {
      facts(older).majorDisease = this.#majorDisease(random, birth(older));
    } else {
      const person = facts(anyone);
      person.disability ??= this.#disability(random, birth(anyone), ages[anyone] as number, false);
    }
    return household;
  }

  /** A date at most `maxDays` before today, not before birth nor 1990. */
  #since(random: Random, birthDate: string, maxDays: number, minDaysAgo = 30): string {
    const earliest = later(later(birthDate, '1990-01-01'), addDays(this.#today, -maxDays));
    return dayBetween(random, earliest, addDays(this.#today, -minDaysAgo));
  }

  #disability(random: Random, birthDate: string, age: number, severe: boolean): NonNullable<PersonFacts['disability']> {
    const issuedOn = this.#since(random, birthDate, 3_400);
    const level = severe ? (random.chance(0.4) ? '一级' : '二级') : DISABILITY_LEVELS.draw(random);
    // Second-generation certificates are valid ten years; some old ones say 长期 (no end).
    const validUntil = random.chance(0.75) ? addDays(issuedOn, 3_652) : null;
    return { category: (age < 18 ? CHILD_DISABILITY_CATEGORIES : DISABILITY_CATEGORIES).draw(random), level, issuedOn, validUntil };
  }

  #unemployment(random: Random, birthDate: string): NonNullable<PersonFacts['unemployment']> {
    const registeredOn = this.#since(random, birthDate, 700, 1);
    const deregisteredOn = random.chance(0.2) ? dayBetween(random, registeredOn, this.#today) : null;
    const benefit = random.chance(0.45)
      ? { startedOn: dayBetween(random, registeredOn, earlier(addDays(registeredOn, 30), this.#today)), months: random.int(3, 24), monthlyBenefitFen: random.int(1_900, 2_100) * 100 }
      : null;
    return { registeredOn, deregisteredOn, benefit };
  }

  #student(random: Random, stage: SchoolStage, programme: Programme | null): NonNullable<PersonFacts['student']> {
    const roll = random.next();
    const difficultyLevel = programme === 'dibao' || programme === 'special_hardship' || roll < 0.2 ? '特别困难' : roll < 0.7 ? '困难' : '一般困难';
    return { stage, difficultyLevel };
  }

  #worker(random: Random, open: boolean): NonNullable<PersonFacts['workerInDifficulty']> {
    return { category: WORKER_CATEGORIES.draw(random), cause: random.pick(WORKER_CAUSES), filedOn: dayBetween(random, addDays(this.#today, -1_000), addDays(this.#today, -10)), closed: !open && random.chance(0.15) };
  }

  #illness(random: Random): NonNullable<PersonFacts['illness']> {
    const category = ILLNESS.draw(random);
    const certifiedOn = dayBetween(random, addDays(this.#today, -1_400), addDays(this.#today, -5));
    return { category, disease: random.pick(ILLNESS_DISEASES[category]), certifiedOn, validUntil: random.chance(0.6) ? addDays(certifiedOn, 1_826) : null };
  }

  #majorDisease(random: Random, birthDate: string): NonNullable<PersonFacts['majorDisease']> {
    const category = MAJOR_DISEASES.draw(random);
    return { category, disease: random.pick(MAJOR_DISEASE_NAMES[category]), diagnosedOn: this.#since(random, birthDate, 700, 3) };
  }

  #specialHardship(random: Random, birthDate: string, age: number): NonNullable<PersonFacts['specialHardship']> {
    const selfCare = SELF_CARE.draw(random);
    const institutional = random.chance(selfCare === '完全丧失生活自理能力' ? 0.6 : age >= 80 ? 0.35 : 0.22);
    return { supportMode: institutional ? '集中供养' : '分散供养', selfCare, startedOn: this.#since(random, addDays(birthDate, 6_575), 5_000) };
  }

  #disaster(random: Random, size: number): NonNullable<HouseholdFacts['disaster']> {
    const affectedOn = dayBetween(random, addDays(this.#today, -330), addDays(this.#today, -2));
    const houseDamage = HOUSE_DAMAGE.draw(random);
    const lossFen = Math.round(random.logNormal(houseDamage === '倒塌' ? 80_000 : houseDamage === '严重损坏' ? 30_000 : 5_000, 0.5)) * 100;
    const startedOn = addDays(affectedOn, 1);
    const transition = houseDamage === '倒塌' || houseDamage === '严重损坏'
      ? { startedOn, endedOn: addDays(startedOn, 89), amountFen: size * 20 * 90 * 100 }
      : null;
    return { affectedOn, disasterType: DISASTER_TYPES.draw(random), houseDamage, lossFen, transition };
  }

  #monitoring(random: Random, open: boolean): NonNullable<HouseholdFacts['povertyMonitoring']> {
    const identifiedOn = dayBetween(random, '2021-03-01', addDays(this.#today, -20));
    const eliminatedOn = !open && random.chance(0.25) ? dayBetween(random, identifiedOn, this.#today) : null;
    return { monitoringType: MONITORING_TYPES.draw(random), riskType: random.pick(RISK_TYPES), identifiedOn, eliminatedOn };
  }

  /** A temporary-assistance grant in the last half year: Nanjing averaged 1,982 yuan a person. */
  temporaryAid(random: Random): NonNullable<PersonFacts['temporaryAid']> {
    const yuan = Math.min(30_000, Math.max(300, Math.round(random.logNormal(1_680, 0.62) / 10) * 10));
    const approvalLevel = yuan <= 3_000 ? '街道' : yuan <= 10_000 ? '区' : '市';
    return { aidedOn: dayBetween(random, addDays(this.#today, -181), this.#today), amountFen: yuan * 100, reason: random.pick(AID_REASONS), approvalLevel };
  }
}
