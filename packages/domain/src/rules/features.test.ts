import { describe, expect, it } from 'vitest';
import { medicalFeatures } from './features.js';

describe('medical features', () => {
  it('sums out-of-pocket costs in the 365 days up to and including the as-of date', () => {
    const expenses = [
      { occurredOn: '2024-06-30', outOfPocketFen: 100_000 }, // exactly 365 days before: outside
      { occurredOn: '2024-07-01', outOfPocketFen: 250_000 }, // first day inside
      { occurredOn: '2025-01-15', outOfPocketFen: 300_050 },
      { occurredOn: '2025-06-30', outOfPocketFen: 40_000 }, // the as-of date itself: inside
      { occurredOn: '2025-07-01', outOfPocketFen: 999_999 }, // after the as-of date
    ];
    expect(medicalFeatures(expenses, '2025-06-30', 365)).toEqual({ oop_medical_12m: 590_050, medical_settlements_12m: 3 });
  });

  it('gives zeros when there are no expenses', () => {
    expect(medicalFeatures([], '2025-06-30', 365)).toEqual({ oop_medical_12m: 0, medical_settlements_12m: 0 });
  });

  it('follows the lookback parameter across a leap day', () => {
    const expenses = [{ occurredOn: '2024-03-01', outOfPocketFen: 1 }];
    expect(medicalFeatures(expenses, '2025-02-28', 365).oop_medical_12m).toBe(1);
    expect(medicalFeatures(expenses, '2025-03-01', 365).oop_medical_12m).toBe(0);
    expect(medicalFeatures(expenses, '2024-03-31', 30).oop_medical_12m).toBe(0);
  });
});
