import { describe, expect, it } from 'vitest';
import { NANJING_POLICY } from './nanjing.js';
import { isPolicyParameterKey, parameterLookup, parameterOn, POLICY_PARAMETER_KEYS, type PolicyEntry } from './policy.js';

describe('policy parameters on a date', () => {
  it('uses the Nanjing dibao standard in force on each day', () => {
    expect(parameterOn(NANJING_POLICY, '3201', 'dibaoStandardFen', '2024-06-30')).toEqual({ value: 114_000, effectiveFrom: '2023-07-01' });
    expect(parameterOn(NANJING_POLICY, '3201', 'dibaoStandardFen', '2024-07-01')).toEqual({ value: 120_000, effectiveFrom: '2024-07-01' });
    expect(parameterOn(NANJING_POLICY, '3201', 'dibaoStandardFen', '2026-12-04')).toEqual({ value: 120_000, effectiveFrom: '2024-07-01' });
  });

  it('has nothing before the first entry or for another city', () => {
    expect(parameterOn(NANJING_POLICY, '3201', 'dibaoStandardFen', '2023-06-30')).toBeUndefined();
    expect(parameterOn(NANJING_POLICY, '3202', 'dibaoStandardFen', '2025-01-01')).toBeUndefined();
  });

  it('picks the latest effective date regardless of list order, and the last listed on a tie', () => {
    const entries: PolicyEntry[] = [
      { cityCode: '3201', key: 'medicalBurdenRatio', value: 0.4, effectiveFrom: '2025-01-01' },
      { cityCode: '3201', key: 'medicalBurdenRatio', value: 0.6, effectiveFrom: '2024-01-01' },
      { cityCode: '3201', key: 'medicalBurdenRatio', value: 0.45, effectiveFrom: '2025-01-01' },
    ];
    expect(parameterOn(entries, '3201', 'medicalBurdenRatio', '2024-12-31')?.value).toBe(0.6);
    expect(parameterOn(entries, '3201', 'medicalBurdenRatio', '2025-01-01')?.value).toBe(0.45);
  });

  it('defines every parameter for Nanjing with the documented defaults', () => {
    const lookup = parameterLookup(NANJING_POLICY, '3201', '2025-01-01');
    for (const key of POLICY_PARAMETER_KEYS) expect(lookup(key), key).toBeDefined();
    expect(lookup('marginalMultiplier')?.value).toBe(1.5);
    expect(lookup('medicalBurdenRatio')?.value).toBe(0.5);
    expect(lookup('medicalMinOutOfPocketFen')?.value).toBe(500_000);
    expect(lookup('medicalLookbackDays')?.value).toBe(365);
  });

  it('recognises parameter keys', () => {
    expect(isPolicyParameterKey('dibaoStandardFen')).toBe(true);
    expect(isPolicyParameterKey('dibaoStandard')).toBe(false);
  });
});
