import type { PolicyEntry } from './policy.js';

/**
 * Default policy parameters for Nanjing (南京, city code 3201).
 *
 * These are configuration for the demo city and tests, not an authoritative statement of
 * Nanjing policy: the policy administrator maintains the real values and checks them against
 * the city's notices. The dibao standard here is 1,140 yuan per person per month from
 * 2023-07-01 and 1,200 yuan from 2024-07-01; the medical-burden parameters are this system's
 * defaults for the illness warning.
 */
export const NANJING_POLICY: readonly PolicyEntry[] = [
  { cityCode: '3201', key: 'dibaoStandardFen', value: 114_000, effectiveFrom: '2023-07-01' },
  { cityCode: '3201', key: 'dibaoStandardFen', value: 120_000, effectiveFrom: '2024-07-01' },
  { cityCode: '3201', key: 'marginalMultiplier', value: 1.5, effectiveFrom: '2023-07-01' },
  { cityCode: '3201', key: 'medicalBurdenRatio', value: 0.5, effectiveFrom: '2023-07-01' },
  { cityCode: '3201', key: 'medicalMinOutOfPocketFen', value: 500_000, effectiveFrom: '2023-07-01' },
  { cityCode: '3201', key: 'medicalLookbackDays', value: 365, effectiveFrom: '2023-07-01' },
];
