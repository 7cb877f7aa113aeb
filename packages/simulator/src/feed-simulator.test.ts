import { MEDICAL_BURDEN_RULE, NANJING_POLICY, evaluateRule, parameterLookup } from '@shouwang/domain';
import { describe, expect, it } from 'vitest';
import { generateCity, type DemoHousehold } from './city.js';
import { FeedSimulator } from './feed-simulator.js';
import { generateSettlements } from './medical-feed.js';
import type { SettlementRow } from './settlements.js';

const city = generateCity({ seed: 31, persons: 3_000, today: '2025-06-01' });
const households = new Map<string, DemoHousehold>();
for (const h of city.households) for (const m of h.members) households.set(m.residentId, h);

const start = new Date('2025-06-01T02:00:00Z');
const minutesLater = (minutes: number): Date => new Date(start.getTime() + minutes * 60_000);

function run(simulator: FeedSimulator, calls: number): SettlementRow[] {
  return Array.from({ length: calls }, (_, i) => simulator.next(minutesLater(i))).flat();
}

describe('FeedSimulator', () => {
  it('settles one to three claims of people of the city per call', () => {
    const simulator = new FeedSimulator(city, 1);
    for (let i = 0; i < 200; i++) {
      const batch = simulator.next(minutesLater(i));
      expect(batch.length).toBeGreaterThanOrEqual(1);
      expect(batch.length).toBeLessThanOrEqual(3);
      for (const row of batch) expect(households.get(row.residentId)).toBeDefined();
    }
  });

  it('dates settlements on the Shanghai date of the call', () => {
    const simulator = new FeedSimulator(city, 1);
    expect(simulator.next(new Date('2025-06-01T15:59:00Z')).every((r) => r.settledOn === '2025-06-01')).toBe(true);
    expect(simulator.next(new Date('2025-06-01T16:00:00Z')).every((r) => r.settledOn === '2025-06-02')).toBe(true);
  });

  it('never repeats a settlement number, across calls and across a restart', () => {
    const first = new FeedSimulator(city, 1);
    const before = run(first, 300);
    expect(first.sequence).toBe(before.length);
    const restarted = new FeedSimulator(city, 1, first.sequence);
    const after = run(restarted, 300);
    const numbers = [...before, ...after].map((r) => r.settlementNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(after.map((r) => r.residentId)).not.toEqual(before.slice(0, after.length).map((r) => r.residentId));
  });

  it('does not collide with a generated file of the same day', () => {
    const file = generateSettlements(city, { seed: 1, count: 500, from: '2025-06-01', to: '2025-06-01' });
    const live = run(new FeedSimulator(city, 1), 300);
    const fileNumbers = new Set(file.map((r) => r.settlementNo));
    expect(live.some((r) => fileNumbers.has(r.settlementNo))).toBe(false);
  });

  it('now and then sends a row that puts a low-income family over the illness thresholds', () => {
    const rows = run(new FeedSimulator(city, 2), 300);
    const burdened = rows.filter((row) => {
      const household = households.get(row.residentId) as DemoHousehold;
      const features = { oop_medical_12m: row.outOfPocketFen, annual_income: household.annualIncomeFen };
      const params = parameterLookup(NANJING_POLICY, '3201', row.settledOn);
      return household.programme !== null && evaluateRule(MEDICAL_BURDEN_RULE, features, params, row.settledOn).fired;
    });
    expect(burdened.length).toBeGreaterThanOrEqual(15);
    expect(burdened.length).toBeLessThanOrEqual(60);
  });

  it('is pure: the same seed and clock give the same rows', () => {
    expect(run(new FeedSimulator(city, 3), 50)).toEqual(run(new FeedSimulator(city, 3), 50));
  });

  it('rejects a negative starting sequence', () => {
    expect(() => new FeedSimulator(city, 1, -1)).toThrow(RangeError);
  });
});
