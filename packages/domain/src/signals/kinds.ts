/**
 * The one vocabulary of events for all departments: every accepted department record
 * becomes zero or more canonical signals about a person and his household. Warning rules
 * read signals, never department records, so a new feed only needs a mapping here.
 *
 * | kind                  | meaning                                              | produced by                                        | amount                      |
 * |-----------------------|------------------------------------------------------|----------------------------------------------------|-----------------------------|
 * | medical_expense       | 医疗费用: a medical bill was settled                  | medical-settlement                                 | out-of-pocket part          |
 * | hospitalisation       | 住院: admitted to hospital                            | hospitalisation; medical-settlement (住院)          | none                        |
 * | serious_illness       | 重大疾病/慢特病: a serious or chronic illness certified | chronic-illness-certification, major-disease-report | none                        |
 * | new_disability        | 新增残疾: a disability certificate was issued          | disability-certificate                             | none                        |
 * | death                 | 死亡: a household member died                          | death-record                                       | none                        |
 * | unemployment          | 失业登记: registered as unemployed                     | unemployment-registration                          | none                        |
 * | benefit_ended         | 待遇终止: unemployment insurance stops (may be dated ahead) | unemployment-insurance                          | the monthly benefit lost    |
 * | disaster_loss         | 受灾: the household was hit by a disaster              | disaster-affected                                  | direct economic loss        |
 * | temporary_assistance  | 临时救助: a temporary-assistance grant was paid         | temporary-assistance                               | the grant                   |
 * | accident              | 意外事故                                              | no source yet                                      |                             |
 * | income_change         | 收入变化                                              | no source yet: needs the previous record           |                             |
 *
 * Rosters (dibao, marginal, special hardship, ...) and verification sources (real estate,
 * vehicles, tax, ...) produce no signals: their records are kept for the registry and for
 * verification. A signal dated after today counts once its date is reached, as warning
 * windows end at the as-of date.
 */
import type { FieldValue } from '../intake/validate.js';

export const SIGNAL_KINDS = [
  'medical_expense',
  'hospitalisation',
  'serious_illness',
  'new_disability',
  'death',
  'unemployment',
  'benefit_ended',
  'disaster_loss',
  'temporary_assistance',
  'accident',
  'income_change',
] as const;

export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface CanonicalSignal {
  readonly kind: SignalKind;
  /** ISO date the event happened. */
  readonly occurredOn: string;
  /** In fen; null when the event has no amount. */
  readonly amountFen: number | null;
}

type Values = Readonly<Record<string, FieldValue>>;

/** The ISO date in `key`, or undefined when the record has none (an optional date left empty). */
function dateOf(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fenOf(values: Values, key: string): number | null {
  const value = values[key];
  return typeof value === 'number' ? value : null;
}

/** One signal dated by `dateKey`, or none when the record has no such date. */
function single(kind: SignalKind, values: Values, dateKey: string, amountKey?: string): CanonicalSignal[] {
  const occurredOn = dateOf(values, dateKey);
  if (occurredOn === undefined) return [];
  return [{ kind, occurredOn, amountFen: amountKey === undefined ? null : fenOf(values, amountKey) }];
}

/** Maps one validated record of a source to its canonical signals; a source without a mapping gives none. */
export function signalsFromRecord(sourceId: string, values: Values): CanonicalSignal[] {
  switch (sourceId) {
    case 'medical-settlement': {
      const signals = single('medical_expense', values, 'settledOn', 'outOfPocketFen');
      if (values.visitType === '住院') signals.push(...single('hospitalisation', values, 'settledOn'));
      return signals;
    }
    case 'hospitalisation':
      return single('hospitalisation', values, 'admittedOn');
    case 'chronic-illness-certification':
      return single('serious_illness', values, 'certifiedOn');
    case 'major-disease-report':
      return single('serious_illness', values, 'diagnosedOn');
    case 'disability-certificate':
      return single('new_disability', values, 'issuedOn');
    case 'death-record':
      return single('death', values, 'diedOn');
    case 'unemployment-registration':
      return single('unemployment', values, 'registeredOn');
    case 'unemployment-insurance':
      return single('benefit_ended', values, 'endedOn', 'monthlyBenefitFen');
    case 'disaster-affected':
      return single('disaster_loss', values, 'affectedOn', 'lossFen');
    case 'temporary-assistance':
      return single('temporary_assistance', values, 'aidedOn', 'amountFen');
    default:
      return [];
  }
}
