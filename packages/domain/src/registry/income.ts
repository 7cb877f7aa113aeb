/**
 * A household's annual income as the department feeds show it, for the warning rules until a
 * full economic verification (核对) is run: wages (the social-insurance contribution base or
 * the income declared for tax, whichever is higher, since both describe the same pay),
 * pensions and unemployment benefit, each from the member's latest record.
 */

import type { FieldValue } from '../intake/index.js';

type Values = Readonly<Record<string, FieldValue>>;

export type IncomeKind = 'wage' | 'pension' | 'benefit';

export interface IncomeFact {
  readonly kind: IncomeKind;
  /** Annualised, fen. */
  readonly annualFen: number;
  /** The month (YYYY-MM) or date the figure is for: the latest one counts. */
  readonly period: string;
}

const fen = (values: Values, key: string) => (typeof values[key] === 'number' ? (values[key] as number) : 0);

/** Sources whose rows carry an income figure (see `incomeFromRecord`). */
export const INCOME_SOURCES: ReadonlySet<string> = new Set(['social-insurance-contribution', 'income-tax', 'pension', 'unemployment-insurance']);

export function incomeFromRecord(sourceId: string, values: Values, today: string): IncomeFact | null {
  switch (sourceId) {
    case 'social-insurance-contribution':
      return { kind: 'wage', annualFen: fen(values, 'baseFen') * 12, period: String(values.contributionMonth) };
    case 'income-tax':
      return { kind: 'wage', annualFen: fen(values, 'incomeFen') * 12, period: String(values.period) };
    case 'pension':
      return { kind: 'pension', annualFen: fen(values, 'monthlyPensionFen') * 12, period: String(values.paidMonth) };
    case 'unemployment-insurance': {
      const ended = typeof values.endedOn === 'string' && values.endedOn <= today;
      return { kind: 'benefit', annualFen: ended ? 0 : fen(values, 'monthlyBenefitFen') * 12, period: String(values.startedOn) };
    }
    default:
      return null;
  }
}

/** One person's annual income from his latest figure per source: the higher wage figure, plus pension and benefit. */
export function personAnnualIncome(facts: readonly { kind: IncomeKind; annualFen: number }[]): number {
  let wage = 0;
  let other = 0;
  for (const f of facts) {
    if (f.kind === 'wage') wage = Math.max(wage, f.annualFen);
    else other += f.annualFen;
  }
  return wage + other;
}
