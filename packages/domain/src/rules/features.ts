/**
 * Household features (家庭特征) computed from signals, the inputs of warning rules. Each
 * function is pure: the caller passes the signals and the as-of date.
 */

import { addDays } from '../calendar/index.js';

export interface MedicalExpense {
  /** Settlement date (结算日期), ISO date. */
  readonly occurredOn: string;
  /** Out-of-pocket part (个人自付), fen. */
  readonly outOfPocketFen: number;
}

export interface MedicalFeatures {
  /** Out-of-pocket medical cost in the lookback window, fen. */
  readonly oop_medical_12m: number;
  /** Number of medical settlements in the window. */
  readonly medical_settlements_12m: number;
}

/**
 * Sums out-of-pocket medical costs settled in the `lookbackDays` days up to and including
 * `asOf`: `asOf − lookbackDays < occurredOn ≤ asOf`. With 365 days and `asOf` 2025-06-30 the
 * window is 2024-07-01 … 2025-06-30.
 */
export function medicalFeatures(expenses: readonly MedicalExpense[], asOf: string, lookbackDays: number): MedicalFeatures {
  const after = addDays(asOf, -lookbackDays);
  let oop = 0;
  let settlements = 0;
  for (const expense of expenses) {
    if (expense.occurredOn > after && expense.occurredOn <= asOf) {
      oop += expense.outOfPocketFen;
      settlements++;
    }
  }
  return { oop_medical_12m: oop, medical_settlements_12m: settlements };
}
