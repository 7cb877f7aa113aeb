/**
 * Policy parameters (政策参数): numbers set by a city's civil-affairs policy and dated, so a
 * warning or an eligibility check made on a given day uses the values in force that day, and
 * a change of standard can re-screen the registry from its effective date.
 */

export const POLICY_PARAMETER_KEYS = [
  /** Dibao standard (低保标准), fen per person per month. */
  'dibaoStandardFen',
  /** Low-income marginal families (低保边缘) have income under this multiple of the dibao standard. */
  'marginalMultiplier',
  /** Share of annual household income the 12-month out-of-pocket medical cost must reach for an illness warning. */
  'medicalBurdenRatio',
  /** Out-of-pocket medical cost (fen) below which no illness warning is raised, whatever the income. */
  'medicalMinOutOfPocketFen',
  /** How far back (calendar days) out-of-pocket medical costs are summed. */
  'medicalLookbackDays',
] as const;

export type PolicyParameterKey = (typeof POLICY_PARAMETER_KEYS)[number];

export interface PolicyEntry {
  readonly key: PolicyParameterKey;
  readonly value: number;
  /** First day (ISO date) the value applies. */
  readonly effectiveFrom: string;
  /** City code (GB/T 2260, 4 digits), e.g. `3201` for Nanjing. */
  readonly cityCode: string;
}

/** A parameter value with the date it took effect, as an explanation cites it. */
export interface ParameterValue {
  readonly value: number;
  readonly effectiveFrom: string;
}

/** Looks up a parameter in force; the shape `evaluateRule` takes. */
export type ParameterLookup = (key: PolicyParameterKey) => ParameterValue | undefined;

export function isPolicyParameterKey(key: string): key is PolicyParameterKey {
  return (POLICY_PARAMETER_KEYS as readonly string[]).includes(key);
}

/**
 * The value of `key` in force in `cityCode` on `date`: the entry with the latest
 * `effectiveFrom` on or before `date`. When two entries share that date, the one listed
 * last wins (a correction appended to the list). Undefined before the first entry.
 */
export function parameterOn(
  entries: readonly PolicyEntry[],
  cityCode: string,
  key: PolicyParameterKey,
  date: string,
): ParameterValue | undefined {
  let best: PolicyEntry | undefined;
  for (const entry of entries) {
    if (entry.cityCode !== cityCode || entry.key !== key || entry.effectiveFrom > date) continue;
    if (best === undefined || entry.effectiveFrom >= best.effectiveFrom) best = entry;
  }
  return best === undefined ? undefined : { value: best.value, effectiveFrom: best.effectiveFrom };
}

/** All parameters of `cityCode` as in force on `date`, as a lookup function. */
export function parameterLookup(entries: readonly PolicyEntry[], cityCode: string, date: string): ParameterLookup {
  return (key) => parameterOn(entries, cityCode, key, date);
}
