import { describe, expect, it } from 'vitest';
import { SOURCES } from '../intake/catalogue.js';
import { canonicalColumns, exampleRow } from '../intake/examples.js';
import { validateRow } from '../intake/validate.js';
import { SIGNAL_KINDS, signalsFromRecord } from './kinds.js';

describe('signals from a medical settlement', () => {
  it('turns the out-of-pocket amount into a medical expense', () => {
    expect(signalsFromRecord('medical-settlement', { settledOn: '2026-11-02', outOfPocketFen: 123456, visitType: '门诊' }))
      .toEqual([{ kind: 'medical_expense', occurredOn: '2026-11-02', amountFen: 123456 }]);
  });

  it('adds a hospitalisation for an inpatient settlement', () => {
    const kinds = signalsFromRecord('medical-settlement', { settledOn: '2026-11-02', outOfPocketFen: 1, visitType: '住院' }).map((s) => s.kind);
    expect(kinds).toEqual(['medical_expense', 'hospitalisation']);
  });
});

describe('signals from the other departments', () => {
  it('dates a hospitalisation by admission', () => {
    expect(signalsFromRecord('hospitalisation', { admittedOn: '2026-10-01', dischargedOn: '2026-10-12' }))
      .toEqual([{ kind: 'hospitalisation', occurredOn: '2026-10-01', amountFen: null }]);
  });

  it('turns a certified chronic illness and a reported major disease into a serious illness', () => {
    expect(signalsFromRecord('chronic-illness-certification', { certifiedOn: '2026-09-01' })).toEqual([{ kind: 'serious_illness', occurredOn: '2026-09-01', amountFen: null }]);
    expect(signalsFromRecord('major-disease-report', { diagnosedOn: '2026-08-15' })).toEqual([{ kind: 'serious_illness', occurredOn: '2026-08-15', amountFen: null }]);
  });

  it('turns a disability certificate into a new disability on its issue date', () => {
    expect(signalsFromRecord('disability-certificate', { issuedOn: '2026-05-20', level: '二级' })).toEqual([{ kind: 'new_disability', occurredOn: '2026-05-20', amountFen: null }]);
  });

  it('turns a death record into a death', () => {
    expect(signalsFromRecord('death-record', { diedOn: '2026-11-30', crematedOn: '2026-12-02' })).toEqual([{ kind: 'death', occurredOn: '2026-11-30', amountFen: null }]);
  });

  it('turns an unemployment registration into unemployment', () => {
    expect(signalsFromRecord('unemployment-registration', { registeredOn: '2026-07-01' })).toEqual([{ kind: 'unemployment', occurredOn: '2026-07-01', amountFen: null }]);
  });

  it('signals the end of unemployment insurance, with the monthly benefit lost, only when it has an end date', () => {
    expect(signalsFromRecord('unemployment-insurance', { startedOn: '2025-01-01', endedOn: '2026-12-31', monthlyBenefitFen: 216_000 }))
      .toEqual([{ kind: 'benefit_ended', occurredOn: '2026-12-31', amountFen: 216_000 }]);
    expect(signalsFromRecord('unemployment-insurance', { startedOn: '2025-01-01', endedOn: null, monthlyBenefitFen: 216_000 })).toEqual([]);
  });

  it('turns a disaster into a loss of its direct economic loss', () => {
    expect(signalsFromRecord('disaster-affected', { affectedOn: '2026-07-12', disasterType: '暴雨', lossFen: 3_500_000 }))
      .toEqual([{ kind: 'disaster_loss', occurredOn: '2026-07-12', amountFen: 3_500_000 }]);
  });

  it('turns a temporary-assistance grant into a temporary assistance of the amount granted', () => {
    expect(signalsFromRecord('temporary-assistance', { aidedOn: '2026-04-18', amountFen: 200_000 }))
      .toEqual([{ kind: 'temporary_assistance', occurredOn: '2026-04-18', amountFen: 200_000 }]);
  });

  it('produces nothing for rosters, verification sources and unknown sources', () => {
    expect(signalsFromRecord('dibao-roster', { startedOn: '2026-01-01', status: '停保', endedOn: '2026-06-30' })).toEqual([]);
    expect(signalsFromRecord('real-estate', { registeredOn: '2020-01-01' })).toEqual([]);
    expect(signalsFromRecord('unknown', {})).toEqual([]);
  });
});

describe.each(SOURCES.map((s) => [s.id, s] as const))('the signal mapping of %s', (_id, source) => {
  it(source.produces.includes('signals') ? 'turns its example record into known signals' : 'produces no signal, as declared', () => {
    const row = validateRow(canonicalColumns(source), exampleRow(source), { today: '2026-12-04' });
    expect(row.ok).toBe(true);
    if (!row.ok) return;
    const signals = signalsFromRecord(source.id, row.values);
    expect(signals.length > 0).toBe(source.produces.includes('signals'));
    for (const signal of signals) {
      expect(SIGNAL_KINDS).toContain(signal.kind);
      expect(signal.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(signal.amountFen === null || Number.isSafeInteger(signal.amountFen)).toBe(true);
    }
  });
});
