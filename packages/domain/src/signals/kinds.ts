/**
 * The one vocabulary of events for all departments: every accepted department record
 * becomes zero or more canonical signals about a person and his household.
 */
export const SIGNAL_KINDS = [
  'medical_expense', // 医疗费用结算: amount is the out-of-pocket part
  'hospitalisation', // 住院
  'new_disability', // 新增残疾
  'death', // 死亡
  'unemployment', // 失业登记
  'benefit_ended', // 待遇终止
  'disaster_loss', // 受灾
  'accident', // 意外事故
  'income_change', // 收入变化
] as const;

export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface CanonicalSignal {
  readonly kind: SignalKind;
  /** ISO date the event happened. */
  readonly occurredOn: string;
  /** In fen; null when the event has no amount. */
  readonly amountFen: number | null;
}

type Values = Readonly<Record<string, string | number | null>>;

/** Maps one validated record of a source to its canonical signals. */
export function signalsFromRecord(sourceId: string, values: Values): CanonicalSignal[] {
  switch (sourceId) {
    case 'medical-settlement': {
      const occurredOn = String(values.settledOn);
      const signals: CanonicalSignal[] = [{ kind: 'medical_expense', occurredOn, amountFen: Number(values.outOfPocketFen) }];
      if (values.visitType === '住院') signals.push({ kind: 'hospitalisation', occurredOn, amountFen: null });
      return signals;
    }
    default:
      return [];
  }
}
