import type { RuleDefinition } from './rule.js';

/**
 * Illness warning (因病支出型困难): the household's out-of-pocket medical cost over the
 * lookback window reaches both a floor (`medicalMinOutOfPocketFen`) and a share of its annual
 * income (`medicalBurdenRatio` × `annual_income`). The floor keeps small bills of families with
 * little or no recorded income from raising warnings.
 *
 * Features: `oop_medical_12m` and `annual_income`, both in fen.
 */
export const MEDICAL_BURDEN_RULE: RuleDefinition = {
  id: 'illness.medical-burden',
  version: 1,
  situation: 'illness',
  effectiveFrom: '2023-07-01',
  effectiveTo: null,
  when: {
    kind: 'all',
    of: [
      {
        kind: 'compare',
        op: '>=',
        left: { kind: 'feature', name: 'oop_medical_12m' },
        right: { kind: 'param', key: 'medicalMinOutOfPocketFen' },
        feature: 'oop_medical_12m',
        unit: 'fen',
      },
      {
        kind: 'compare',
        op: '>=',
        left: { kind: 'feature', name: 'oop_medical_12m' },
        right: {
          kind: 'mul',
          left: { kind: 'param', key: 'medicalBurdenRatio' },
          right: { kind: 'feature', name: 'annual_income' },
        },
        feature: 'oop_medical_12m_vs_income',
        unit: 'fen',
      },
    ],
  },
};
