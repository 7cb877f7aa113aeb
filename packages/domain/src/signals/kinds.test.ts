import { describe, expect, it } from 'vitest';
import { signalsFromRecord } from './kinds.js';

describe('signals from a medical settlement', () => {
  it('turns the out-of-pocket amount into a medical expense', () => {
    expect(signalsFromRecord('medical-settlement', { settledOn: '2026-11-02', outOfPocketFen: 123456, visitType: '门诊' }))
      .toEqual([{ kind: 'medical_expense', occurredOn: '2026-11-02', amountFen: 123456 }]);
  });

  it('adds a hospitalisation for an inpatient settlement', () => {
    const kinds = signalsFromRecord('medical-settlement', { settledOn: '2026-11-02', outOfPocketFen: 1, visitType: '住院' }).map((s) => s.kind);
    expect(kinds).toEqual(['medical_expense', 'hospitalisation']);
  });

  it('produces nothing for a source it does not know', () => {
    expect(signalsFromRecord('unknown', {})).toEqual([]);
  });
});
