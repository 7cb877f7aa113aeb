import { describe, expect, it } from 'vitest';
import { headerForms, missingRequiredFields, normaliseHeader } from './headers.js';
import { MEDICAL_SETTLEMENT } from './sources/medical-security.js';
import { REAL_ESTATE } from './sources/natural-resources.js';

describe('header matching', () => {
  it('ignores full-width brackets, spaces and case', () => {
    expect(normaliseHeader(' 个人自付（元） ')).toBe(normaliseHeader('个人自付(元)'));
    expect(normaliseHeader('ICD-10 编码')).toBe('icd-10编码');
  });

  it('folds the square-metre sign, so ㎡ and m² headers are one', () => {
    expect(normaliseHeader('建筑面积(㎡)')).toBe(normaliseHeader('建筑面积(m²)'));
  });

  it('lets an amount column be named with or without its (元) unit', () => {
    const total = MEDICAL_SETTLEMENT.fields.find((f) => f.key === 'totalFen');
    expect(total && [...headerForms(total)]).toContain('医疗总费用');
  });

  it('lists the required fields a header row lacks', () => {
    expect(missingRequiredFields(MEDICAL_SETTLEMENT, ['结算单号', '证件号码', '参保人姓名', '结算时间', '总费用', '统筹支付', '个人负担'])).toEqual([]);
    expect(missingRequiredFields(REAL_ESTATE, ['不动产单元号', '权利人身份证号码', '权利人', '建筑面积(m²)', '登记日期']).map((f) => f.key)).toEqual(['use']);
  });
});
