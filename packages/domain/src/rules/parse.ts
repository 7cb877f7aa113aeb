/**
 * Parses a rule definition from JSON (e.g. saved by the policy administrator) into typed,
 * frozen nodes. Every problem is reported with its path, e.g.
 * `when.of[1].op: unknown operator "=>"; expected one of >=, >, <=, <, ==`.
 */

import { isIsoDate } from '../calendar/index.js';
import { POLICY_PARAMETER_KEYS } from '../policy/index.js';
import {
  COMPARE_OPERATORS,
  CONDITION_UNITS,
  EXPR_KINDS,
  isNumberExpr,
  SITUATIONS,
  type ConditionExpr,
  type Expr,
  type NumberExpr,
  type RuleDefinition,
} from './rule.js';

export type ParseRuleResult = { readonly ok: true; readonly rule: RuleDefinition } | { readonly ok: false; readonly message: string };

/** Deeper trees are certainly a mistake, and the limit keeps recursion bounded on hostile input. */
const MAX_DEPTH = 32;
const RULE_ID = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const FEATURE_NAME = /^[a-z][a-z0-9_]*$/;

class RuleShapeError extends Error {}

function fail(path: string, message: string): never {
  throw new RuleShapeError(`${path}: ${message}`);
}

type JsonObject = Readonly<Record<string, unknown>>;

function objectAt(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as JsonObject;
}

/** Unknown properties are rejected so a misspelt `efectiveTo` is not silently ignored. */
function onlyKeys(node: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) fail(path, `unexpected property "${key}"; allowed: ${allowed.join(', ')}`);
  }
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[], what: string): T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  fail(path, `unknown ${what} ${JSON.stringify(value)}; expected one of ${options.join(', ')}`);
}

function nameAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || !FEATURE_NAME.test(value)) {
    fail(path, `expected a snake_case name such as "oop_medical_12m", found ${JSON.stringify(value)}`);
  }
  return value;
}

function dateAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) fail(path, `expected an ISO date (YYYY-MM-DD), found ${JSON.stringify(value)}`);
  return value;
}

function numberExprAt(value: unknown, path: string, depth: number): NumberExpr {
  const node = exprAt(value, path, depth);
  if (!isNumberExpr(node)) fail(path, `expected a number (feature, param, const or mul), found "${node.kind}"`);
  return node;
}

function conditionAt(value: unknown, path: string, depth: number): ConditionExpr {
  const node = exprAt(value, path, depth);
  if (isNumberExpr(node)) fail(path, `expected a condition (compare, all or any), found "${node.kind}"`);
  return node;
}

function conditionsAt(value: unknown, path: string, depth: number): readonly ConditionExpr[] {
  if (!Array.isArray(value) || value.length === 0) fail(path, 'expected a non-empty array of conditions');
  return Object.freeze(value.map((child: unknown, i) => conditionAt(child, `${path}[${i}]`, depth + 1)));
}

function exprAt(value: unknown, path: string, depth: number): Expr {
  if (depth > MAX_DEPTH) fail(path, `expression nested more than ${MAX_DEPTH} levels deep`);
  const node = objectAt(value, path);
  const kind = oneOf(node.kind, `${path}.kind`, EXPR_KINDS, 'kind');
  switch (kind) {
    case 'feature': {
      onlyKeys(node, path, ['kind', 'name']);
      return Object.freeze({ kind, name: nameAt(node.name, `${path}.name`) });
    }
    case 'param': {
      onlyKeys(node, path, ['kind', 'key']);
      return Object.freeze({ kind, key: oneOf(node.key, `${path}.key`, POLICY_PARAMETER_KEYS, 'policy parameter') });
    }
    case 'const': {
      onlyKeys(node, path, ['kind', 'value']);
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) fail(`${path}.value`, `expected a finite number, found ${JSON.stringify(node.value)}`);
      return Object.freeze({ kind, value: node.value });
    }
    case 'mul': {
      onlyKeys(node, path, ['kind', 'left', 'right']);
      const left = numberExprAt(node.left, `${path}.left`, depth + 1);
      const right = numberExprAt(node.right, `${path}.right`, depth + 1);
      return Object.freeze({ kind, left, right });
    }
    case 'compare': {
      onlyKeys(node, path, ['kind', 'op', 'left', 'right', 'feature', 'unit']);
      const op = oneOf(node.op, `${path}.op`, COMPARE_OPERATORS, 'operator');
      const left = numberExprAt(node.left, `${path}.left`, depth + 1);
      const right = numberExprAt(node.right, `${path}.right`, depth + 1);
      const feature = nameAt(node.feature, `${path}.feature`);
      const unit = oneOf(node.unit, `${path}.unit`, CONDITION_UNITS, 'unit');
      return Object.freeze({ kind, op, left, right, feature, unit });
    }
    case 'all':
    case 'any': {
      onlyKeys(node, path, ['kind', 'of']);
      return Object.freeze({ kind, of: conditionsAt(node.of, `${path}.of`, depth) });
    }
    default: {
      const unknown: never = kind;
      return fail(`${path}.kind`, `unhandled kind ${String(unknown)}`);
    }
  }
}

/** Validates a rule definition read from JSON; the rule returned is deeply frozen. */
export function parseRule(json: unknown): ParseRuleResult {
  try {
    const raw = objectAt(json, 'rule');
    onlyKeys(raw, 'rule', ['id', 'version', 'situation', 'effectiveFrom', 'effectiveTo', 'when']);
    if (typeof raw.id !== 'string' || !RULE_ID.test(raw.id)) {
      fail('id', `expected an id such as "illness.medical-burden", found ${JSON.stringify(raw.id)}`);
    }
    if (typeof raw.version !== 'number' || !Number.isSafeInteger(raw.version) || raw.version < 1) {
      fail('version', `expected a positive integer, found ${JSON.stringify(raw.version)}`);
    }
    const situation = oneOf(raw.situation, 'situation', SITUATIONS, 'situation');
    const effectiveFrom = dateAt(raw.effectiveFrom, 'effectiveFrom');
    const effectiveTo = raw.effectiveTo == null ? null : dateAt(raw.effectiveTo, 'effectiveTo');
    if (effectiveTo !== null && effectiveTo <= effectiveFrom) fail('effectiveTo', `must be after effectiveFrom (${effectiveFrom})`);
    const when = conditionAt(raw.when, 'when', 0);
    return { ok: true, rule: Object.freeze({ id: raw.id, version: raw.version, situation, effectiveFrom, effectiveTo, when }) };
  } catch (error) {
    if (error instanceof RuleShapeError) return { ok: false, message: error.message };
    throw error;
  }
}
