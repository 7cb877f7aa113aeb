/**
 * Warning rules (预警规则) are data: a JSON-able definition whose condition is a tree of
 * immutable nodes tagged with `kind`. Number nodes compute values; condition nodes compare
 * them and combine the comparisons. `parse.ts` builds the tree from JSON, `evaluate.ts`
 * evaluates it with an explanation.
 */

import type { PolicyParameterKey } from '../policy/index.js';

/** The situation types a warning belongs to (困难情形): illness, disability, disaster/accident, income loss. */
export const SITUATIONS = ['illness', 'disability', 'disaster_accident', 'income_loss'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const COMPARE_OPERATORS = ['>=', '>', '<=', '<', '=='] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

export const CONDITION_UNITS = ['fen', 'ratio', 'count', 'days'] as const;
export type ConditionUnit = (typeof CONDITION_UNITS)[number];

/** A household feature computed from signals, e.g. `oop_medical_12m` (fen). */
export interface FeatureNode {
  readonly kind: 'feature';
  readonly name: string;
}

/** A policy parameter in force on the evaluation date. */
export interface ParamNode {
  readonly kind: 'param';
  readonly key: PolicyParameterKey;
}

export interface ConstNode {
  readonly kind: 'const';
  readonly value: number;
}

/** Product of two numbers, rounded half up to an integer (thresholds are whole fen). */
export interface MulNode {
  readonly kind: 'mul';
  readonly left: NumberExpr;
  readonly right: NumberExpr;
}

/** `left op right`; each comparison is one line of the explanation, keyed by `feature`. */
export interface CompareNode {
  readonly kind: 'compare';
  readonly op: CompareOperator;
  readonly left: NumberExpr;
  readonly right: NumberExpr;
  /** Stable explanation key (for i18n), e.g. `oop_medical_12m`. */
  readonly feature: string;
  readonly unit: ConditionUnit;
}

/** All conditions hold (and). */
export interface AllNode {
  readonly kind: 'all';
  readonly of: readonly ConditionExpr[];
}

/** At least one condition holds (or). */
export interface AnyNode {
  readonly kind: 'any';
  readonly of: readonly ConditionExpr[];
}

export type NumberExpr = FeatureNode | ParamNode | ConstNode | MulNode;
export type ConditionExpr = CompareNode | AllNode | AnyNode;
export type Expr = NumberExpr | ConditionExpr;

export const EXPR_KINDS = ['feature', 'param', 'const', 'mul', 'compare', 'all', 'any'] as const satisfies readonly Expr['kind'][];

export interface RuleDefinition {
  /** Stable id, e.g. `illness.medical-burden`; a changed rule keeps its id and gets a new version. */
  readonly id: string;
  readonly version: number;
  readonly situation: Situation;
  /** First day (ISO date) the rule applies. */
  readonly effectiveFrom: string;
  /** First day it no longer applies (exclusive), so version 2's `effectiveFrom` can be version 1's `effectiveTo`. */
  readonly effectiveTo?: string | null;
  readonly when: ConditionExpr;
}

export function isNumberExpr(node: Expr): node is NumberExpr {
  return node.kind === 'feature' || node.kind === 'param' || node.kind === 'const' || node.kind === 'mul';
}

/** Whether the rule is in force on `on` (ISO date): `effectiveFrom ≤ on < effectiveTo`. */
export function isRuleApplicable(rule: RuleDefinition, on: string): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo == null || on < rule.effectiveTo);
}
