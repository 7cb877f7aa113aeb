/**
 * One medical settlement (医疗费用结算) of one person of the demo city: where he was treated,
 * how, what it cost and who paid. Ordinary rows follow the shape of real claims — most are
 * outpatient visits of a few hundred yuan, a tenth are hospital stays of thousands to tens of
 * thousands. Burden rows are hospital stays of a low-income family whose out-of-pocket part
 * alone is at least half the family's annual income and at least 5,000 yuan: the situation
 * the illness warning is there to catch (因病致贫).
 */

import { ageOn, multiplyRounded } from '@shouwang/domain';
import type { DemoCity, DemoHousehold, DemoPerson } from './city.js';
import { policyOn } from './income.js';
import { Institutions, type CareLevel } from './institutions.js';
import { Random, WeightedChoice } from './random.js';

/** 就医类别, as the Medical Security Bureau writes it. */
export type VisitType = '门诊' | '住院' | '门诊慢特病' | '药店购药';

/** A settlement row with typed values; amounts in integer fen. */
export interface SettlementRow {
  /** 结算流水号, unique; see `settlementNo`. */
  readonly settlementNo: string;
  readonly residentId: string;
  readonly name: string;
  /** ISO date. */
  readonly settledOn: string;
  readonly institution: string;
  readonly visitType: VisitType;
  readonly totalFen: number;
  /** Paid by the pooled fund (统筹基金支付). */
  readonly reimbursedFen: number;
  /** Paid by the patient (个人自付). */
  readonly outOfPocketFen: number;
}

/**
 * The out-of-pocket amount from which a single settlement raises the illness warning for a
 * household: the policy's `medicalMinOutOfPocketFen` (5,000 yuan) and `medicalBurdenRatio`
 * (half) of the annual household income, both as in force on the settlement date.
 */
export function burdenThresholdFen(cityCode: string, settledOn: string, annualIncomeFen: number): number {
  const ratio = policyOn(cityCode, settledOn, 'medicalBurdenRatio');
  return Math.max(policyOn(cityCode, settledOn, 'medicalMinOutOfPocketFen'), multiplyRounded(ratio, annualIncomeFen));
}

/**
 * Where a settlement number was issued: `0` in a generated file, `1` by the live feed
 * simulator, so that a backfill ending today and the live feed of today never collide.
 */
export type SettlementChannel = 0 | 1;

/** 结算流水号: `YB` + settlement date + channel + 8-digit sequence, e.g. `YB20250601000000042`. */
export function settlementNo(settledOn: string, channel: SettlementChannel, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999_999) throw new RangeError('sequence must be 1..99999999');
  return `YB${settledOn.replaceAll('-', '')}${channel}${String(sequence).padStart(8, '0')}`;
}

interface Patient {
  readonly household: DemoHousehold;
  readonly person: DemoPerson;
}

type Claim = Omit<SettlementRow, 'settlementNo' | 'settledOn'>;

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, Math.round(value)));

/** Turns a total and the fund's share of it into the three amounts, which always add up. */
function split(totalFen: number, reimbursedShare: number): Pick<SettlementRow, 'totalFen' | 'reimbursedFen' | 'outOfPocketFen'> {
  const reimbursedFen = Math.round(totalFen * reimbursedShare);
  return { totalFen, reimbursedFen, outOfPocketFen: totalFen - reimbursedFen };
}

/** Settles claims for the people of one city. */
export class SettlementMaker {
  readonly #patients: Patient[];
  readonly #lowIncome: DemoHousehold[];
  readonly #institutions: Institutions;
  readonly #cityCode: string;

  constructor(city: DemoCity) {
    this.#cityCode = city.cityCode;
    this.#patients = city.households.flatMap((household) => household.members.map((person) => ({ household, person })));
    this.#lowIncome = city.households.filter((h) => h.programme !== null);
    this.#institutions = new Institutions(city.cityCode);
  }

  get hasLowIncomeHouseholds(): boolean {
    return this.#lowIncome.length > 0;
  }

  /** An ordinary claim of a random person, or a burden claim when asked and possible. */
  claim(random: Random, settledOn: string, burden: boolean): Omit<SettlementRow, 'settlementNo'> {
    if (this.#patients.length === 0) throw new RangeError('the city has nobody to settle a claim for');
    const claim = burden && this.hasLowIncomeHouseholds ? this.#burden(random, settledOn) : this.#ordinary(random, settledOn);
    return { ...claim, settledOn };
  }

  /** Somebody already born on `settledOn` (the city's babies may be younger than the claims). */
  #patient(settledOn: string, draw: () => Patient): Patient {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const patient = draw();
      if (patient.person.birthDate <= settledOn) return patient;
    }
    throw new RangeError(`hardly anybody of the city was born by ${settledOn}`);
  }

  #ordinary(random: Random, settledOn: string): Claim {
    const { household, person } = this.#patient(settledOn, () => random.pick(this.#patients));
    const age = ageOn(person.birthDate, settledOn);
    const visitType = visitTypeFor(age).draw(random);
    const where = (level: CareLevel): string => this.#institutions.choose(random, level, household.communityCode, age);
    const base = { residentId: person.residentId, name: person.name, visitType };
    switch (visitType) {
      case '门诊': {
        const level = random.pick<CareLevel>(['primary', 'primary', 'district', 'major', 'major']);
        const total = clamp(random.logNormal(20_000, 0.6), 1_500, 300_000);
        const share = random.chance(0.2) ? 0 : random.float(0.3, 0.7);
        return { ...base, institution: where(level), ...split(total, share) };
      }
      case '药店购药': {
        const total = clamp(random.logNormal(9_000, 0.7), 500, 200_000);
        const share = random.chance(0.7) ? 0 : random.float(0.2, 0.5);
        return { ...base, institution: where('pharmacy'), ...split(total, share) };
      }
      case '门诊慢特病': {
        const total = clamp(random.logNormal(80_000, 0.6), 5_000, 1_500_000);
        return { ...base, institution: where(random.chance(0.5) ? 'district' : 'major'), ...split(total, random.float(0.7, 0.85)) };
      }
      case '住院': {
        const total = clamp(random.logNormal(1_800_000, 0.7), 500_000, 15_000_000);
        const outOfPocketShare = random.float(0.2, 0.45);
        return { ...base, institution: where(random.chance(0.3) ? 'district' : 'major'), ...split(total, 1 - outOfPocketShare) };
      }
    }
  }

  /** A hospital stay whose out-of-pocket part crosses both warning thresholds on its own. */
  #burden(random: Random, settledOn: string): Claim {
    const { household, person } = this.#patient(settledOn, () => {
      const household = random.pick(this.#lowIncome);
      return { household, person: random.pick(household.members) };
    });
    const threshold = burdenThresholdFen(this.#cityCode, settledOn, household.annualIncomeFen);
    const outOfPocketFen = Math.ceil(threshold * random.float(1.05, 1.6));
    const totalFen = Math.ceil(outOfPocketFen / random.float(0.3, 0.45));
    const age = ageOn(person.birthDate, settledOn);
    return {
      residentId: person.residentId,
      name: person.name,
      visitType: '住院',
      institution: this.#institutions.choose(random, 'tertiary', household.communityCode, age),
      totalFen,
      reimbursedFen: totalFen - outOfPocketFen,
      outOfPocketFen,
    };
  }
}

const VISIT_TYPES = {
  child: new WeightedChoice<VisitType>([['门诊', 70], ['药店购药', 15], ['门诊慢特病', 2], ['住院', 8]]),
  adult: new WeightedChoice<VisitType>([['门诊', 62], ['药店购药', 20], ['门诊慢特病', 10], ['住院', 8]]),
  elderly: new WeightedChoice<VisitType>([['门诊', 50], ['药店购药', 16], ['门诊慢特病', 20], ['住院', 14]]),
};

function visitTypeFor(age: number): WeightedChoice<VisitType> {
  if (age < 14) return VISIT_TYPES.child;
  return age < 60 ? VISIT_TYPES.adult : VISIT_TYPES.elderly;
}
