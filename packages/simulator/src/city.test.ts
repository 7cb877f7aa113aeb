import { createHash } from 'node:crypto';
import { NANJING, ageOn, parseResidentId } from '@shouwang/domain';
import { describe, expect, it } from 'vitest';
import { generateCity, summarizeCity, type DemoHousehold, type DemoPerson } from './city.js';
import { dibaoLineFen, incomeStandardOn } from './income.js';

const TODAY = '2025-06-01';
const city = generateCity({ seed: 7, persons: 20_000, today: TODAY });
const everyone = city.households.flatMap((h) => h.members.map((person) => ({ household: h, person })));
const districtCodes = new Set(NANJING.districts.map((d) => d.code));
const communities = new Map(NANJING.communities.map((c) => [c.code, c]));

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const age = (p: DemoPerson): number => ageOn(p.birthDate, TODAY);
const members = (h: DemoHousehold, relation: DemoPerson['relation']): DemoPerson[] => h.members.filter((m) => m.relation === relation);

describe('generateCity', () => {
  it('makes the same city from the same seed, byte for byte, and another from another seed', () => {
    const again = generateCity({ seed: 7, persons: 20_000, today: TODAY });
    expect(hash(again)).toBe(hash(city));
    expect(hash(generateCity({ seed: 8, persons: 20_000, today: TODAY }))).not.toBe(hash(city));
  });

  it('generates exactly the persons asked for, in households with stable keys', () => {
    expect(everyone).toHaveLength(20_000);
    expect(city.persons).toBe(20_000);
    expect(city.households[0]?.key).toBe('H000001');
    expect(new Set(city.households.map((h) => h.key)).size).toBe(city.households.length);
  });

  it('gives everybody a valid resident ID, unique across the city', () => {
    const ids = new Set<string>();
    for (const { person } of everyone) {
      const parsed = parseResidentId(person.residentId, TODAY);
      expect(parsed.ok, person.residentId).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.id.birthDate).toBe(person.birthDate);
      expect(parsed.id.sex).toBe(person.sex);
      ids.add(person.residentId);
    }
    expect(ids.size).toBe(everyone.length);
  });

  it('registers most people in the district where they live and the others in Jiangsu or nearby Anhui', () => {
    let local = 0;
    for (const { household, person } of everyone) {
      const region = person.residentId.slice(0, 6);
      if (region === household.communityCode.slice(0, 6)) local++;
      expect(region).toMatch(/^3[24]\d{4}$/);
    }
    expect(local / everyone.length).toBeGreaterThan(0.7);
    expect(local / everyone.length).toBeLessThan(0.95);
  });

  it('places households in real, non-virtual communities with an address in the right sub-district', () => {
    const districtNames = new Map(NANJING.districts.map((d) => [d.code, d.name]));
    const subdistrictNames = new Map(NANJING.subdistricts.map((s) => [s.code, s.name]));
    for (const h of city.households) {
      const community = communities.get(h.communityCode);
      expect(community, h.communityCode).toBeDefined();
      expect(community?.officialName).not.toContain('虚拟社区');
      const area = `${districtNames.get(h.communityCode.slice(0, 6))}${subdistrictNames.get(h.communityCode.slice(0, 9))}`;
      expect(h.address.startsWith(area), h.address).toBe(true);
      expect(h.address).toMatch(/(\d+号.*\d+室|\d+组\d+号)$/);
    }
  });

  it('puts more people in a central community than in a rural one', () => {
    const summary = summarizeCity(city);
    const perCommunity = (district: string): number =>
      (summary.byDistrict[district]?.persons ?? 0) / NANJING.communities.filter((c) => c.code.startsWith(district)).length;
    expect(perCommunity('320102')).toBeGreaterThan(2 * perCommunity('320118')); // 玄武区 vs 高淳区
    expect(Object.keys(summary.byDistrict).every((code) => districtCodes.has(code))).toBe(true);
    expect(Object.keys(summary.byDistrict)).toHaveLength(11);
  });

  it('makes households of 1 to 6, smaller than the city average since programme families are small, with many old people living alone', () => {
    const sizes = city.households.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
    const mean = everyone.length / city.households.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(2.5);
    const elderlyAlone = city.households.filter((h) => h.members.length === 1 && age(h.members[0] as DemoPerson) >= 65);
    expect(elderlyAlone.length / city.households.length).toBeGreaterThan(0.08);
    expect(city.households.some((h) => members(h, '父母').length > 0 && members(h, '子女').length > 0)).toBe(true);
  });

  it('keeps ages consistent with relations', () => {
    for (const h of city.households) {
      const [head, ...rest] = h.members as [DemoPerson, ...DemoPerson[]];
      expect(head.relation).toBe('户主');
      expect(rest.every((m) => m.relation !== '户主')).toBe(true);
      expect(age(head)).toBeGreaterThanOrEqual(23);
      expect(age(head)).toBeLessThanOrEqual(98);
      for (const spouse of members(h, '配偶')) {
        expect(spouse.sex).not.toBe(head.sex);
        expect(Math.abs(age(spouse) - age(head))).toBeLessThanOrEqual(8);
      }
      for (const child of members(h, '子女')) {
        expect(age(child)).toBeLessThanOrEqual(40);
        expect(age(head) - age(child)).toBeGreaterThanOrEqual(20);
        expect(age(head) - age(child)).toBeLessThanOrEqual(40);
      }
      for (const parent of members(h, '父母')) {
        expect(age(parent) - age(head)).toBeGreaterThanOrEqual(20);
        expect(age(parent) - age(head)).toBeLessThanOrEqual(40);
      }
      for (const grandchild of members(h, '孙子女')) expect(age(head) - age(grandchild)).toBeGreaterThanOrEqual(40);
      expect(h.members.every((m) => m.birthDate <= TODAY)).toBe(true);
    }
  });

  it('gives every head, and only the head, a unique mobile number', () => {
    const phones = new Set<string>();
    for (const h of city.households) {
      const [head, ...rest] = h.members as [DemoPerson, ...DemoPerson[]];
      expect(head.phone).toMatch(/^1[3-9]\d{9}$/);
      phones.add(head.phone as string);
      expect(rest.every((m) => m.phone === null)).toBe(true);
    }
    expect(phones.size).toBe(city.households.length);
  });

  it("enrols households in programmes in Nanjing's proportions, with incomes that fit them", () => {
    const summary = summarizeCity(city);
    const scale = 20_000 / 510_000;
    expect(summary.byProgramme.dibao.households / (45_000 * scale)).toBeCloseTo(1, 1);
    expect(summary.byProgramme.marginal.households / (3_490 * scale)).toBeGreaterThan(0.85);
    expect(summary.byProgramme.marginal.households / (3_490 * scale)).toBeLessThan(1.15);
    expect(summary.byProgramme.special_hardship.persons / (6_000 * scale)).toBeCloseTo(1, 1);
    const standard = incomeStandardOn('3201', TODAY);
    expect(standard).toEqual({ dibaoStandardFen: 120_000, marginalMultiplier: 1.5 });
    for (const h of city.households) {
      const line = dibaoLineFen(standard, h.members.length);
      expect(Number.isInteger(h.annualIncomeFen)).toBe(true);
      expect(h.annualIncomeFen).toBeGreaterThanOrEqual(0);
      switch (h.programme) {
        case 'dibao':
        case 'special_hardship':
          expect(h.annualIncomeFen).toBeLessThan(line);
          break;
        case 'marginal':
          expect(h.annualIncomeFen).toBeGreaterThanOrEqual(line);
          expect(h.annualIncomeFen).toBeLessThan(line * standard.marginalMultiplier);
          break;
        case null:
          expect(h.annualIncomeFen).toBeGreaterThan(line * standard.marginalMultiplier);
      }
    }
  });

  it('summarises what it generated', () => {
    const summary = summarizeCity(city);
    expect(summary.persons).toBe(20_000);
    expect(summary.households).toBe(city.households.length);
    const byProgramme = Object.values(summary.byProgramme);
    expect(byProgramme.reduce((sum, c) => sum + c.persons, 0)).toBe(20_000);
    expect(Object.values(summary.byDistrict).reduce((sum, c) => sum + c.households, 0)).toBe(city.households.length);
  });

  it('generates 20,000 persons well within 2 seconds', () => {
    const started = performance.now();
    generateCity({ seed: 99, persons: 20_000, today: TODAY });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('rejects a date that is not an ISO date and a city it does not know', () => {
    expect(() => generateCity({ seed: 1, persons: 10, today: '2025-02-30' })).toThrow(RangeError);
    expect(() => generateCity({ seed: 1, persons: 10, today: TODAY, cityCode: '3202' as '3201' })).toThrow(RangeError);
  });
});
