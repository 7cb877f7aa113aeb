import { describe, expect, it } from 'vitest';
import { sourceById } from '../intake/index.js';
import { GROUP_SOURCES, POPULATION_GROUPS, membershipsFromHousehold, membershipsFromRecord, programmeFromRecord } from './groups.js';

const today = '2026-12-04';

describe('population groups', () => {
  it('has 32 default groups with unique ids, each fed by a configured source', () => {
    expect(POPULATION_GROUPS).toHaveLength(32);
    expect(new Set(POPULATION_GROUPS.map((g) => g.id)).size).toBe(32);
    for (const source of GROUP_SOURCES) expect(sourceById(source), source).toBeDefined();
    for (const group of POPULATION_GROUPS) {
      if (group.rule.kind !== 'record') continue;
      const fields = new Set(sourceById(group.rule.source)?.fields.map((f) => f.key));
      for (const key of [group.rule.end, ...Object.keys(group.rule.where ?? {}), ...Object.keys(group.rule.endedWhen ?? {})]) {
        if (key) expect(fields.has(key), `${group.id}: ${key}`).toBe(true);
      }
      if (group.rule.start !== 'schoolYearStart') expect(fields.has(group.rule.start), `${group.id}: ${group.rule.start}`).toBe(true);
    }
  });

  it('puts a dibao roster member in dibao, and a child also in the children group', () => {
    const row = { householdNo: 'DB1', residentId: 'x', status: '在保', startedOn: '2024-01-01', endedOn: null, monthlyAllowanceFen: 111000 };
    expect(membershipsFromRecord('dibao-roster', row, '1970-01-01', today).map((m) => m.groupId)).toEqual(['dibao']);
    expect(membershipsFromRecord('dibao-roster', row, '2015-06-01', today).map((m) => m.groupId)).toEqual(['dibao', 'dibao-child']);
    expect(membershipsFromRecord('dibao-roster', row, '1950-06-01', today).map((m) => m.groupId)).toEqual(['dibao', 'dibao-elderly']);
  });

  it('ends a membership by status or by a past end date, not by a future one', () => {
    const base = { householdNo: 'DB1', residentId: 'x', startedOn: '2024-01-01', monthlyAllowanceFen: 111000 };
    expect(membershipsFromRecord('dibao-roster', { ...base, status: '停保', endedOn: '2026-10-31' }, '1970-01-01', today)[0])
      .toEqual({ groupId: 'dibao', startedOn: '2024-01-01', endedOn: '2026-10-31', status: 'ended' });
    expect(membershipsFromRecord('dibao-roster', { ...base, status: '在保', endedOn: '2027-03-31' }, '1970-01-01', today)[0]?.status).toBe('active');
    expect(membershipsFromRecord('dibao-roster', { ...base, status: '在保', endedOn: '2026-03-31' }, '1970-01-01', today)[0]?.status).toBe('ended');
  });

  it('keeps a one-off event for its period, and grades a disability', () => {
    expect(membershipsFromRecord('temporary-assistance', { aidedOn: '2026-06-01', amountFen: 200000 }, null, today)[0])
      .toEqual({ groupId: 'temporary-assistance', startedOn: '2026-06-01', endedOn: '2027-06-01', status: 'active' });
    expect(membershipsFromRecord('temporary-assistance', { aidedOn: '2025-06-01', amountFen: 200000 }, null, today)[0]?.status).toBe('ended');
    const cert = { level: '一级', category: '精神', issuedOn: '2020-01-01', validUntil: '2030-01-01' };
    expect(membershipsFromRecord('disability-certificate', cert, '1980-01-01', today).map((m) => m.groupId)).toEqual(['severely-disabled', 'mental-disability']);
    expect(membershipsFromRecord('disability-certificate', { ...cert, level: '四级', category: '肢体' }, '2016-01-01', today).map((m) => m.groupId)).toEqual(['disabled', 'disabled-child']);
  });

  it('derives living alone and the oldest old from the household register', () => {
    expect(membershipsFromHousehold({ birthDate: '1940-01-01', householdSize: 1, since: '2000-01-01' }, today).map((m) => m.groupId)).toEqual(['elderly-living-alone', 'oldest-old']);
    expect(membershipsFromHousehold({ birthDate: '1960-01-01', householdSize: 2, since: '2000-01-01' }, today)).toEqual([]);
  });

  it('reads the programme and its money from a roster row', () => {
    expect(programmeFromRecord('special-hardship-roster', { startedOn: '2023-01-01', endedOn: null, status: '在供', monthlySupportFen: 145000, monthlyCareFen: 30000 }, today))
      .toEqual({ programme: 'special_hardship', rosterHouseholdNo: null, amountFen: 175000, startedOn: '2023-01-01', endedOn: null, status: 'active' });
    expect(programmeFromRecord('medical-settlement', {}, today)).toBeNull();
  });
});

describe('income from the feeds', () => {
  it('annualises each source and counts a wage once, by its higher figure', async () => {
    const { incomeFromRecord, personAnnualIncome } = await import('./income.js');
    const si = incomeFromRecord('social-insurance-contribution', { baseFen: 500_000, contributionMonth: '2026-10' }, today);
    const tax = incomeFromRecord('income-tax', { incomeFen: 600_000, period: '2026-10' }, today);
    const pension = incomeFromRecord('pension', { monthlyPensionFen: 300_000, paidMonth: '2026-11' }, today);
    expect(si).toEqual({ kind: 'wage', annualFen: 6_000_000, period: '2026-10' });
    expect(personAnnualIncome([si!, tax!, pension!])).toBe(7_200_000 + 3_600_000);
    expect(incomeFromRecord('unemployment-insurance', { monthlyBenefitFen: 200_000, startedOn: '2026-01-01', endedOn: '2026-06-30' }, today)?.annualFen).toBe(0);
    expect(incomeFromRecord('bank-deposit', {}, today)).toBeNull();
  });
});

describe('the source sets', () => {
  it('name exactly the sources that record programmes and income', async () => {
    const { SOURCES } = await import('../intake/index.js');
    const { INCOME_SOURCES, incomeFromRecord } = await import('./income.js');
    const { PROGRAMME_SOURCES } = await import('./groups.js');
    const values = { status: '在保', monthlyAllowanceFen: 1, aidedOn: '2026-01-01', baseFen: 1, incomeFen: 1, monthlyPensionFen: 1, monthlyBenefitFen: 1, contributionMonth: '2026-01', period: '2026-01', paidMonth: '2026-01', startedOn: '2026-01-01' };
    expect(new Set(SOURCES.filter((s) => programmeFromRecord(s.id, values, today) !== null).map((s) => s.id))).toEqual(PROGRAMME_SOURCES);
    expect(new Set(SOURCES.filter((s) => incomeFromRecord(s.id, values, today) !== null).map((s) => s.id))).toEqual(INCOME_SOURCES);
  });
});
