import { describe, expect, it } from 'vitest';
import { Random, WeightedChoice } from './random.js';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.uint32());

describe('Random', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(42), 100)).not.toEqual(draws(new Random(43), 100));
  });

  it('keeps the stream of seed 1 stable across releases', () => {
    // Changing the generator changes every demo city; this pins it down.
    expect(draws(new Random(1), 3)).toEqual([1828152527, 3394835397, 2967886022]);
  });

  it('draws integers within both bounds, each of them reachable', () => {
    const random = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const value = random.int(-2, 3);
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(-2);
      expect(value).toBeLessThanOrEqual(3);
      seen.add(value);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('samples a normal-ish distribution with the asked mean and spread', () => {
    const random = new Random(5);
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('says yes to chance(p) about p of the time', () => {
    const random = new Random(9);
    let yes = 0;
    for (let i = 0; i < 10_000; i++) if (random.chance(0.3)) yes++;
    expect(yes / 10_000).toBeGreaterThan(0.28);
    expect(yes / 10_000).toBeLessThan(0.32);
  });

  it('samples distinct indices', () => {
    const indices = new Random(11).sampleIndices(50, 20);
    expect(new Set(indices).size).toBe(20);
    expect(indices.every((i) => i >= 0 && i < 50)).toBe(true);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });
});

describe('WeightedChoice', () => {
  it('draws in proportion to the weights and never a zero-weight entry', () => {
    const choice = new WeightedChoice([['a', 1], ['b', 3], ['never', 0]] as const);
    const random = new Random(13);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8_000; i++) counts[choice.draw(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('refuses a table without any positive weight', () => {
    expect(() => new WeightedChoice([['a', 0]])).toThrow(RangeError);
  });
});
