import type { Explanation, ExplanationCondition } from '@shouwang/contract';
import type { TFunction } from 'i18next';
import { formatFen } from '../format/money';
import { formatCount, formatRatio } from '../format/number';
import { translateKey } from '../i18n/dynamic';

export type Unit = ExplanationCondition['unit'];
type Condition = ExplanationCondition;
type Parameter = Explanation['parameters'][number];

const OPERATOR_SYMBOLS: Record<Condition['operator'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

/**
 * Rule inputs and policy parameters arrive as bare numbers: their unit is known by key, or by
 * the contract's naming habit (`...Fen`, `...Ratio`, `...Days`).
 */
const KNOWN_UNITS: Record<string, Unit> = {
  annual_income: 'fen',
  member_count: 'count',
  oop_medical_12m: 'fen',
  oop_medical_12m_vs_income: 'fen',
  marginalMultiplier: 'count',
  medical_settlements_12m: 'count',
  medicalBurdenRatio: 'ratio',
  medicalMinOutOfPocketFen: 'fen',
  medicalLookbackDays: 'days',
  dibaoStandardFen: 'fen',
};

export function unitOfKey(key: string): Unit {
  const known = KNOWN_UNITS[key];
  if (known) return known;
  if (/fen$/i.test(key)) return 'fen';
  if (/ratio$/i.test(key)) return 'ratio';
  if (/days$/i.test(key)) return 'days';
  return 'count';
}

export function formatQuantity(t: TFunction, unit: Unit, value: number): string {
  switch (unit) {
    case 'fen':
      return formatFen(value);
    case 'ratio':
      return formatRatio(value);
    case 'count':
      return formatCount(value);
    case 'days':
      return t('unit.days', { count: value });
  }
}

export function featureLabel(t: TFunction, feature: string): string {
  return translateKey(t, 'feature', feature);
}

export function parameterLabel(t: TFunction, key: string): string {
  return translateKey(t, 'param', key);
}

/** "annual household income" at the start of an English sentence or label reads better capitalised. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Fen thresholds may have been rounded to the fen; every other unit must match exactly. */
function sameAmount(unit: Unit, a: number, b: number): boolean {
  return unit === 'fen' ? Math.abs(a - b) <= 1 : a === b;
}

/**
 * How the threshold came about, e.g. "家庭年收入 ¥40,000.00 × 50%". The contract carries no
 * derivation, so it is recognised: a money input times a ratio parameter, or a parameter itself.
 */
export function thresholdDerivation(t: TFunction, condition: Condition, explanation: Explanation): string {
  if (condition.unit === 'fen') {
    const ratios = explanation.parameters.filter((p) => unitOfKey(p.key) === 'ratio');
    for (const ratio of ratios) {
      for (const [input, value] of Object.entries(explanation.inputs)) {
        // The compared figure itself is no base for its threshold; when unsure, say nothing.
        if (input === condition.feature || value === condition.value || unitOfKey(input) !== 'fen') continue;
        if (!sameAmount('fen', value * ratio.value, condition.threshold)) continue;
        return t('explanation.derivedProduct', {
          input: featureLabel(t, input),
          inputValue: formatFen(value),
          ratio: formatRatio(ratio.value),
        });
      }
    }
  }
  const parameter = explanation.parameters.find(
    (p: Parameter) => unitOfKey(p.key) === condition.unit && sameAmount(condition.unit, p.value, condition.threshold),
  );
  return parameter ? t('explanation.derivedParameter', { parameter: parameterLabel(t, parameter.key) }) : '';
}

/** One condition as a sentence: "近12个月个人自付医疗费用 ¥32,500.00 ≥ 阈值 ¥20,000.00（…）✓". */
export function conditionSentence(t: TFunction, condition: Condition, explanation: Explanation): string {
  const derivation = thresholdDerivation(t, condition, explanation);
  const values = {
    feature: featureLabel(t, condition.feature),
    value: formatQuantity(t, condition.unit, condition.value),
    operator: OPERATOR_SYMBOLS[condition.operator],
    threshold: formatQuantity(t, condition.unit, condition.threshold),
    mark: condition.passed ? '✓' : '✗',
  };
  const sentence = derivation
    ? t('explanation.sentenceDerived', { ...values, derivation })
    : t('explanation.sentence', values);
  return capitalise(sentence);
}
