import { describe, expect, it } from 'vitest';
import { randomGivenName, randomName, randomSurname } from './names.js';
import { Random } from './random.js';

describe('names', () => {
  it('draws the common surnames most often', () => {
    const random = new Random(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const surname = randomSurname(random);
      counts.set(surname, (counts.get(surname) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(ranked.slice(0, 5).sort()).toEqual(['张', '李', '刘', '王', '陈'].sort());
    expect(counts.size).toBeGreaterThanOrEqual(60);
  });

  it('gives given names of one or two characters', () => {
    const random = new Random(2);
    for (let i = 0; i < 2_000; i++) {
      const length = [...randomGivenName(random, i % 2 === 0 ? 'male' : 'female', 1930 + (i % 95))].length;
      expect(length === 1 || length === 2).toBe(true);
    }
  });

  it('follows the fashion of the birth decade', () => {
    const random = new Random(3);
    const old = Array.from({ length: 500 }, () => randomGivenName(random, 'female', 1945)).join('');
    const young = Array.from({ length: 500 }, () => randomGivenName(random, 'female', 2015)).join('');
    expect(old).toMatch(/秀|英|兰/);
    expect(young).not.toMatch(/秀|英|娣/);
    expect(young).toMatch(/涵|萱|怡/);
  });

  it('puts the surname first', () => {
    expect(randomName(new Random(4), 'male', 1980, '王').startsWith('王')).toBe(true);
  });
});
