import { describe, expect, it } from 'vitest';
import { NANJING_POLICY } from '../policy/nanjing.js';
import { parameterLookup, type ParameterLookup } from '../policy/policy.js';
import { evaluateRule } from './evaluate.js';
import { MEDICAL_BURDEN_RULE } from './medical-burden.js';
import { parseRule } from './parse.js';
import type { RuleDefinition } from './rule.js';

const ON = '2025-06-30';
const nanjing = parameterLookup(NANJING_POLICY, '3201', ON);

/** Features of a household: 12-month out-of-pocket medical cost and annual income, both in fen. */
function household(oopFen: number, incomeFen: number): Record<string, number> {
  return { oop_medical_12m: oopFen, annual_income: incomeFen };
}

describe('medical-burden rule', () => {
  it('fires exactly at the boundary: cost equal to half the income and above the floor', () => {
    const result = evaluateRule(MEDICAL_BURDEN_RULE, household(1_000_000, 2_000_000), nanjing, ON);
    expect(result.fired).toBe(true);
  });

  it('does not fire one fen below half the income', () => {
    const result = evaluateRule(MEDICAL_BURDEN_RULE, household(999_999, 2_000_000), nanjing, ON);
    expect(result.fired).toBe(false);
    expect(result.conditions.map((c) => c.passed)).toEqual([true, false]);
  });

  it('rounds half the income half up to whole fen', () => {
    // 0.5 × 2,000,001 fen = 1,000,000.5 → threshold 1,000,001
    const below = evaluateRule(MEDICAL_BURDEN_RULE, household(1_000_000, 2_000_001), nanjing, ON);
    expect(below.conditions[1]?.threshold).toBe(1_000_001);
    expect(below.fired).toBe(false);
    expect(evaluateRule(MEDICAL_BURDEN_RULE, household(1_000_001, 2_000_001), nanjing, ON).fired).toBe(true);
  });

  it('explains both conditions with values, thresholds and the parameters used', () => {
    const result = evaluateRule(MEDICAL_BURDEN_RULE, household(1_200_000, 2_000_000), nanjing, ON);
    expect(result).toEqual({
      fired: true,
      applicable: true,
      conditions: [
        { feature: 'oop_medical_12m', value: 1_200_000, unit: 'fen', operator: '>=', threshold: 500_000, passed: true },
        { feature: 'oop_medical_12m_vs_income', value: 1_200_000, unit: 'fen', operator: '>=', threshold: 1_000_000, passed: true },
      ],
      parameters: [
        { key: 'medicalMinOutOfPocketFen', value: 500_000, effectiveFrom: '2023-07-01' },
        { key: 'medicalBurdenRatio', value: 0.5, effectiveFrom: '2023-07-01' },
      ],
      missing: [],
    });
  });

  it('with zero income, fires from the out-of-pocket floor and not below it', () => {
    const atFloor = evaluateRule(MEDICAL_BURDEN_RULE, household(500_000, 0), nanjing, ON);
    expect(atFloor.fired).toBe(true);
    expect(atFloor.conditions[1]).toMatchObject({ threshold: 0, passed: true });
    const belowFloor = evaluateRule(MEDICAL_BURDEN_RULE, household(499_999, 0), nanjing, ON);
    expect(belowFloor.fired).toBe(false);
    expect(belowFloor.conditions[0]).toMatchObject({ value: 499_999, threshold: 500_000, passed: false });
  });

  it('does not fire when a feature is missing, and names it', () => {
    const result = evaluateRule(MEDICAL_BURDEN_RULE, { oop_medical_12m: 3_000_000 }, nanjing, ON);
    expect(result.fired).toBe(false);
    expect(result.missing).toEqual(['annual_income']);
    expect(result.conditions).toHaveLength(1); // the floor comparison could still be made
  });

  it('does not fire when a policy parameter is missing, and names it', () => {
    const noRatio: ParameterLookup = (key) => (key === 'medicalBurdenRatio' ? undefined : nanjing(key));
    const result = evaluateRule(MEDICAL_BURDEN_RULE, household(3_000_000, 1_000_000), noRatio, ON);
    expect(result.fired).toBe(false);
    expect(result.missing).toEqual(['medicalBurdenRatio']);
  });

  it('does not read features from the object prototype', () => {
    const rule = parseRule({
      ...MEDICAL_BURDEN_RULE,
      when: { kind: 'compare', op: '>=', left: { kind: 'feature', name: 'constructor' }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'count' },
    });
    if (!rule.ok) throw new Error(rule.message);
    expect(evaluateRule(rule.rule, {}, nanjing, ON).missing).toEqual(['constructor']);
  });

  it('applies only from its effective date and until (not on) its end date', () => {
    const versioned: RuleDefinition = { ...MEDICAL_BURDEN_RULE, effectiveFrom: '2024-01-01', effectiveTo: '2025-01-01' };
    const features = household(3_000_000, 1_000_000);
    const on = (date: string) => evaluateRule(versioned, features, parameterLookup(NANJING_POLICY, '3201', date), date);
    expect(on('2023-12-31')).toMatchObject({ applicable: false, fired: false });
    expect(on('2024-01-01')).toMatchObject({ applicable: true, fired: true });
    expect(on('2024-12-31')).toMatchObject({ applicable: true, fired: true });
    const after = on('2025-01-01');
    expect(after).toMatchObject({ applicable: false, fired: false });
    expect(after.conditions.every((c) => c.passed)).toBe(true); // still explained, for back-testing
  });
});

describe('rule expressions', () => {
  const base = { id: 'test.rule', version: 1, situation: 'income_loss', effectiveFrom: '2024-01-01' } as const;
  const cmp = (name: string, op: '>=' | '<' | '==', value: number) =>
    ({ kind: 'compare', op, left: { kind: 'feature', name }, right: { kind: 'const', value }, feature: name, unit: 'count' }) as const;
  const evaluate = (when: RuleDefinition['when'], features: Record<string, number>) =>
    evaluateRule({ ...base, when }, features, () => undefined, '2025-01-01');

  it('evaluates every child of any, so the explanation lists each comparison', () => {
    const result = evaluate({ kind: 'any', of: [cmp('a', '>=', 1), cmp('b', '>=', 1)] }, { a: 5, b: 0 });
    expect(result.fired).toBe(true);
    expect(result.conditions.map((c) => [c.feature, c.passed])).toEqual([['a', true], ['b', false]]);
  });

  it('evaluates every child of all even after one fails', () => {
    const result = evaluate({ kind: 'all', of: [cmp('a', '<', 1), cmp('b', '==', 2)] }, { a: 5, b: 2 });
    expect(result.fired).toBe(false);
    expect(result.conditions).toHaveLength(2);
  });

  it('rounds the product of mul to an integer', () => {
    const when = {
      kind: 'compare',
      op: '>=',
      left: { kind: 'feature', name: 'x' },
      right: { kind: 'mul', left: { kind: 'const', value: 1.005 }, right: { kind: 'const', value: 100 } },
      feature: 'x',
      unit: 'fen',
    } as const;
    expect(evaluate(when, { x: 101 }).conditions[0]).toMatchObject({ threshold: 101, passed: true });
  });
});
