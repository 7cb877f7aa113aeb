import type { Explanation } from '@shouwang/contract';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { conditionSentence } from './explanation';

/** Shaped like the server's illness rule (`illness.medical-burden`): a floor and a share of income. */
function medicalBurden(overrides: Partial<Explanation> = {}): Explanation {
  return {
    ruleId: 'illness.medical-burden',
    ruleVersion: 1,
    evaluatedOn: '2026-12-04',
    inputs: { oop_medical_12m: 3_250_000, medical_settlements_12m: 4, annual_income: 4_000_000, member_count: 3 },
    conditions: [
      { feature: 'oop_medical_12m', value: 3_250_000, unit: 'fen', operator: '>=', threshold: 500_000, passed: true },
      { feature: 'oop_medical_12m_vs_income', value: 3_250_000, unit: 'fen', operator: '>=', threshold: 2_000_000, passed: true },
    ],
    parameters: [
      { key: 'medicalMinOutOfPocketFen', value: 500_000, effectiveFrom: '2023-07-01' },
      { key: 'medicalBurdenRatio', value: 0.5, effectiveFrom: '2023-07-01' },
    ],
    evidence: [],
    ...overrides,
  };
}

async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    nsSeparator: false,
  });
  return instance.t;
}

describe('conditionSentence', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    zh = await translator('zh-CN');
    english = await translator('en');
  });

  it('explains the income-share threshold as income × ratio', () => {
    const explanation = medicalBurden();
    const condition = explanation.conditions[1]!;
    expect(conditionSentence(zh, condition, explanation)).toBe(
      '近12个月个人自付医疗费用 ¥32,500.00 ≥ 阈值 ¥20,000.00（家庭年收入 ¥40,000.00 × 50%）✓',
    );
    expect(conditionSentence(english, condition, explanation)).toBe(
      '12-month out-of-pocket medical cost ¥32,500.00 ≥ threshold ¥20,000.00 (annual household income ¥40,000.00 × 50%) ✓',
    );
  });

  it('names the parameter when the threshold is a parameter itself', () => {
    const explanation = medicalBurden();
    expect(conditionSentence(english, explanation.conditions[0]!, explanation)).toBe(
      '12-month out-of-pocket medical cost ¥32,500.00 ≥ threshold ¥5,000.00 (Minimum out-of-pocket cost) ✓',
    );
  });

  it('does not take the compared feature itself for the base of its threshold', () => {
    // oop × 50% equals the threshold here, but "oop ≥ oop × 50%" would be a false story.
    const explanation = medicalBurden({ inputs: { oop_medical_12m: 4_000_000, annual_income: 1_000_000 } });
    const condition = { ...explanation.conditions[1]!, value: 4_000_000, threshold: 2_000_000 };
    expect(conditionSentence(zh, condition, explanation)).toBe('近12个月个人自付医疗费用 ¥40,000.00 ≥ 阈值 ¥20,000.00 ✓');
  });

  it('does not invent a derivation for a count that merely lies near input × ratio', () => {
    const explanation = medicalBurden();
    const condition = { feature: 'medical_settlements_12m', value: 4, unit: 'count' as const, operator: '>=' as const, threshold: 2, passed: true };
    expect(conditionSentence(zh, condition, explanation)).toBe('近12个月医疗结算次数 4 ≥ 阈值 2 ✓');
  });

  it('marks a condition that was not met, and shows an unknown feature by its key', () => {
    const explanation = medicalBurden({ parameters: [] });
    const condition = { feature: 'visits_90d', value: 1, unit: 'count' as const, operator: '>' as const, threshold: 2, passed: false };
    expect(conditionSentence(english, condition, explanation)).toBe('Visits_90d 1 > threshold 2 ✗');
  });
});
