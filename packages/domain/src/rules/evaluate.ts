/**
 * Evaluates a rule for one household on one day and says why (可解释): every comparison
 * becomes a condition with its value and threshold, every policy parameter read is listed
 * with its effective date, and every absent feature or parameter is named.
 */

import { multiplyRounded } from '../money/index.js';
import type { ParameterLookup, PolicyParameterKey } from '../policy/index.js';
import {
  isRuleApplicable,
  type CompareOperator,
  type ConditionExpr,
  type ConditionUnit,
  type NumberExpr,
  type RuleDefinition,
} from './rule.js';

/** One comparison the rule made: `value operator threshold`. */
export interface RuleCondition {
  readonly feature: string;
  readonly value: number;
  readonly unit: ConditionUnit;
  readonly operator: CompareOperator;
  readonly threshold: number;
  readonly passed: boolean;
}

export interface RuleParameter {
  readonly key: PolicyParameterKey;
  readonly value: number;
  readonly effectiveFrom: string;
}

export interface RuleResult {
  /** Applicable, nothing missing, and the condition holds. */
  readonly fired: boolean;
  /** The evaluation date lies in [effectiveFrom, effectiveTo). */
  readonly applicable: boolean;
  /** One per comparison whose both sides could be computed, in rule order. */
  readonly conditions: readonly RuleCondition[];
  /** Each policy parameter read, once. */
  readonly parameters: readonly RuleParameter[];
  /** Features and parameters the rule needed but did not get, once each. */
  readonly missing: readonly string[];
}

interface Evaluation {
  readonly features: Readonly<Record<string, number>>;
  readonly param: ParameterLookup;
  readonly conditions: RuleCondition[];
  readonly parameters: Map<PolicyParameterKey, RuleParameter>;
  readonly missing: Set<string>;
}

function numberOf(node: NumberExpr, ev: Evaluation): number | undefined {
  switch (node.kind) {
    case 'feature': {
      // Own properties only: a feature named "constructor" must not read Object.prototype.
      const value = Object.hasOwn(ev.features, node.name) ? ev.features[node.name] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      ev.missing.add(node.name);
      return undefined;
    }
    case 'param': {
      const found = ev.param(node.key);
      if (found === undefined) {
        ev.missing.add(node.key);
        return undefined;
      }
      if (!ev.parameters.has(node.key)) ev.parameters.set(node.key, { key: node.key, value: found.value, effectiveFrom: found.effectiveFrom });
      return found.value;
    }
    case 'const':
      return node.value;
    case 'mul': {
      const left = numberOf(node.left, ev);
      const right = numberOf(node.right, ev);
      return left === undefined || right === undefined ? undefined : multiplyRounded(left, right);
    }
    default: {
      const unknown: never = node;
      throw new Error(`unhandled number node ${JSON.stringify(unknown)}`);
    }
  }
}

function compare(value: number, operator: CompareOperator, threshold: number): boolean {
  switch (operator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '==':
      return value === threshold;
    default: {
      const unknown: never = operator;
      throw new Error(`unhandled operator ${String(unknown)}`);
    }
  }
}

/** False when something is missing; the caller sees it in `missing` and the rule does not fire. */
function holds(node: ConditionExpr, ev: Evaluation): boolean {
  switch (node.kind) {
    case 'compare': {
      const value = numberOf(node.left, ev);
      const threshold = numberOf(node.right, ev);
      if (value === undefined || threshold === undefined) return false;
      const passed = compare(value, node.op, threshold);
      ev.conditions.push({ feature: node.feature, value, unit: node.unit, operator: node.op, threshold, passed });
      return passed;
    }
    // Children are all evaluated (no short-circuit) so the explanation is complete.
    case 'all':
      return node.of.map((child) => holds(child, ev)).every(Boolean);
    case 'any':
      return node.of.map((child) => holds(child, ev)).some(Boolean);
    default: {
      const unknown: never = node;
      throw new Error(`unhandled condition node ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Evaluates `rule` on `on` (ISO date) against a household's `features` and the policy
 * parameters in force (`param`, e.g. `parameterLookup(NANJING_POLICY, '3201', on)`).
 * The condition is evaluated even outside the rule's dates, for back-testing, but then
 * `fired` is false. Any missing feature or parameter means the rule does not fire.
 */
export function evaluateRule(
  rule: RuleDefinition,
  features: Readonly<Record<string, number>>,
  param: ParameterLookup,
  on: string,
): RuleResult {
  const ev: Evaluation = { features, param, conditions: [], parameters: new Map(), missing: new Set() };
  const applicable = isRuleApplicable(rule, on);
  const conditionHolds = holds(rule.when, ev);
  return {
    fired: applicable && ev.missing.size === 0 && conditionHolds,
    applicable,
    conditions: ev.conditions,
    parameters: [...ev.parameters.values()],
    missing: [...ev.missing],
  };
}
