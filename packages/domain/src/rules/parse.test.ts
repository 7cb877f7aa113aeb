import { describe, expect, it } from 'vitest';
import { MEDICAL_BURDEN_RULE } from './medical-burden.js';
import { parseRule } from './parse.js';

/** The medical-burden rule as JSON, with `patch` applied to a copy. */
function ruleJson(patch: (rule: Record<string, unknown>) => void = () => {}): unknown {
  const json = JSON.parse(JSON.stringify(MEDICAL_BURDEN_RULE)) as Record<string, unknown>;
  patch(json);
  return json;
}

function messageOf(json: unknown): string {
  const result = parseRule(json);
  return result.ok ? 'parsed' : result.message;
}

describe('parsing rule definitions', () => {
  it('round-trips the medical-burden rule through JSON', () => {
    const result = parseRule(ruleJson());
    expect(result).toEqual({ ok: true, rule: MEDICAL_BURDEN_RULE });
    expect(result.ok && Object.isFrozen(result.rule.when)).toBe(true);
  });

  it('accepts a rule without effectiveTo, as open-ended', () => {
    const result = parseRule(ruleJson((r) => delete r.effectiveTo));
    expect(result.ok && result.rule.effectiveTo).toBeNull();
  });

  it('rejects an unknown node kind, naming its path and the known kinds', () => {
    const json = ruleJson((r) => {
      r.when = { kind: 'all', of: [{ kind: 'between', left: 1, right: 2 }] };
    });
    expect(messageOf(json)).toBe('when.of[0].kind: unknown kind "between"; expected one of feature, param, const, mul, compare, all, any');
  });

  it('rejects a bad operator', () => {
    const json = ruleJson((r) => {
      ((r.when as { of: Record<string, unknown>[] }).of[1] as Record<string, unknown>).op = '=>';
    });
    expect(messageOf(json)).toBe('when.of[1].op: unknown operator "=>"; expected one of >=, >, <=, <, ==');
  });

  it('rejects an unknown policy parameter', () => {
    const json = ruleJson((r) => {
      r.when = { kind: 'compare', op: '>', left: { kind: 'param', key: 'dibaoStandard' }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'fen' };
    });
    expect(messageOf(json)).toContain('when.left.key: unknown policy parameter "dibaoStandard"; expected one of dibaoStandardFen');
  });

  it('rejects a number where a condition belongs, and a condition where a number belongs', () => {
    expect(messageOf(ruleJson((r) => (r.when = { kind: 'const', value: 1 })))).toBe(
      'when: expected a condition (compare, all or any), found "const"',
    );
    const nested = ruleJson((r) => {
      r.when = { kind: 'compare', op: '>', left: { kind: 'all', of: [] }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'fen' };
    });
    expect(messageOf(nested)).toBe('when.left.of: expected a non-empty array of conditions');
  });

  it('rejects misspelt or unexpected properties', () => {
    expect(messageOf(ruleJson((r) => (r.efectiveTo = '2026-01-01')))).toContain('rule: unexpected property "efectiveTo"');
    const json = ruleJson((r) => (r.when = { kind: 'any', of: [], extra: true }));
    expect(messageOf(json)).toContain('when: unexpected property "extra"');
  });

  it('rejects bad top-level fields', () => {
    expect(messageOf('not a rule')).toBe('rule: expected an object');
    expect(messageOf(ruleJson((r) => (r.version = 0)))).toBe('version: expected a positive integer, found 0');
    expect(messageOf(ruleJson((r) => (r.situation = 'poverty')))).toContain('situation: unknown situation "poverty"');
    expect(messageOf(ruleJson((r) => (r.effectiveFrom = '2025-02-30')))).toContain('effectiveFrom: expected an ISO date');
    expect(messageOf(ruleJson((r) => (r.effectiveTo = '2023-07-01')))).toBe('effectiveTo: must be after effectiveFrom (2023-07-01)');
    expect(messageOf(ruleJson((r) => (r.id = 'Illness Rule')))).toContain('id: expected an id');
  });

  it('rejects a non-finite constant and an empty feature name', () => {
    const constant = ruleJson((r) => {
      r.when = { kind: 'compare', op: '>', left: { kind: 'const', value: '5' }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'fen' };
    });
    expect(messageOf(constant)).toBe('when.left.value: expected a finite number, found "5"');
    const feature = ruleJson((r) => {
      r.when = { kind: 'compare', op: '>', left: { kind: 'feature', name: '' }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'fen' };
    });
    expect(messageOf(feature)).toContain('when.left.name: expected a snake_case name');
  });

  it('rejects trees nested too deeply instead of overflowing the stack', () => {
    let when: unknown = { kind: 'compare', op: '>', left: { kind: 'const', value: 1 }, right: { kind: 'const', value: 0 }, feature: 'x', unit: 'count' };
    for (let i = 0; i < 100; i++) when = { kind: 'all', of: [when] };
    expect(messageOf(ruleJson((r) => (r.when = when)))).toContain('nested more than 32 levels');
  });
});
