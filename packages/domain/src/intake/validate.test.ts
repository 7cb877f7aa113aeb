import { describe, expect, it } from 'vitest';
import { checkCharacter, composeResidentId } from '../identity/index.js';
import type { SourceField } from './source.js';
import { validateField, validateRow, type FieldResult, type MappedColumn, type ValidationContext } from './validate.js';

const TODAY = '2026-12-04';
const CTX: ValidationContext = { today: TODAY };

/** A field without its names: `Omit` per member of the union, so each type keeps its own options. */
type FieldSpec = SourceField extends infer F ? (F extends SourceField ? Omit<F, 'key' | 'headers' | 'required'> & { required?: boolean } : never) : never;

function field(spec: FieldSpec): SourceField {
  return { key: 'f', headers: ['字段'], required: false, ...spec } as SourceField;
}

function check(spec: FieldSpec, raw: string, ctx: ValidationContext = CTX): FieldResult {
  return validateField(field(spec), '字段', raw, ctx);
}

const valueOf = (spec: FieldSpec, raw: string, ctx?: ValidationContext) => {
  const result = check(spec, raw, ctx);
  return result.ok ? result.value : `rejected: ${result.problem.rule}`;
};
const ruleOf = (spec: FieldSpec, raw: string, ctx?: ValidationContext) => {
  const result = check(spec, raw, ctx);
  return result.ok ? 'accepted' : result.problem.rule;
};

describe('empty cells', () => {
  it('refuses an empty required cell, naming the column in both languages', () => {
    const result = check({ type: 'text', required: true }, '   ');
    expect(result).toEqual({ ok: false, problem: { column: '字段', value: '   ', rule: 'required', reason: '字段 is required but empty', reasonZh: '字段为必填项，不能为空' } });
  });

  it('reads an empty optional cell as null, whatever its type', () => {
    for (const type of ['date', 'integer', 'phone', 'boolean', 'community_code'] as const) {
      expect(check({ type } as FieldSpec, '')).toEqual({ ok: true, value: null });
    }
  });
});

describe('resident_id cells', () => {
  const id = { type: 'resident_id' } as const;

  it('accepts a valid number and normalises a lower-case x and full-width digits', () => {
    expect(valueOf(id, '11010519491231002x')).toBe('11010519491231002X');
    expect(valueOf(id, '１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
  });

  it('upgrades the old 15-digit form', () => {
    expect(valueOf(id, '110105491231002')).toBe('11010519491231002X');
  });

  it('rejects a wrong check digit and says in Chinese which digit it should be', () => {
    const result = check(id, '110105194912310021');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ rule: 'resident_id.check_digit', reasonZh: '身份证号码校验位错误，应为 X' });
    expect(result.problem.reason).toContain('should be X');
  });

  it('names each kind of broken number with its own rule', () => {
    const future = '32010220300101001';
    expect(ruleOf(id, '1101051949123100')).toBe('resident_id.length');
    expect(ruleOf(id, '11010519491231A02X')).toBe('resident_id.characters');
    expect(ruleOf(id, future + checkCharacter(future))).toBe('resident_id.birth_date');
    const region = '02010219900101001';
    expect(ruleOf(id, region + checkCharacter(region))).toBe('resident_id.region');
  });

  it('bounds birth dates by the context date', () => {
    const born = composeResidentId('320102', '2026-12-05', 1, 'male');
    expect(ruleOf(id, born)).toBe('resident_id.birth_date');
    expect(ruleOf(id, born, { today: '2026-12-05' })).toBe('accepted');
  });
});

describe('date cells', () => {
  const date = { type: 'date' } as const;

  it('reads the forms departments write as ISO dates', () => {
    for (const text of ['2026-03-05', '2026/3/5', '2026.03.05', '20260305', '2026年3月5日', '2026-03-05 14:30:00', '２０２６－０３－０５']) {
      expect(valueOf(date, text)).toBe('2026-03-05');
    }
  });

  it('rejects dates that do not exist', () => {
    expect(ruleOf(date, '2026-02-30')).toBe('date.invalid');
    expect(ruleOf(date, '2026-13-01')).toBe('date.invalid');
    expect(ruleOf(date, '05/03/2026')).toBe('date.invalid');
  });

  it('rejects future dates unless the field allows them', () => {
    expect(ruleOf(date, '2026-12-05')).toBe('date.future');
    expect(ruleOf(date, TODAY)).toBe('accepted');
    expect(ruleOf({ type: 'date', allowFuture: true }, '2028-06-30')).toBe('accepted');
  });

  it('rejects dates before 1990 unless the field starts earlier', () => {
    expect(ruleOf(date, '1989-12-31')).toBe('date.range');
    expect(ruleOf({ type: 'date', earliest: '1900-01-01' }, '1958-07-01')).toBe('accepted');
  });

  it('explains a bad date in both languages', () => {
    const result = check(date, '2026-02-30');
    expect(!result.ok && [result.problem.reason, result.problem.reasonZh]).toEqual([
      '"2026-02-30" is not a real date (expected YYYY-MM-DD)', '“2026-02-30”不是有效日期，应写作 YYYY-MM-DD，如 2026-03-15',
    ]);
  });
});

describe('year_month cells', () => {
  const month = { type: 'year_month' } as const;

  it('reads year and month in the usual forms, and the month of a full date', () => {
    for (const text of ['2026-03', '2026/3', '2026.03', '202603', '2026年3月', '2026-03-01']) {
      expect(valueOf(month, text)).toBe('2026-03');
    }
  });

  it('rejects a month that does not exist, a future month, and one before the earliest', () => {
    expect(ruleOf(month, '2026-13')).toBe('date.invalid');
    expect(ruleOf(month, '2027-01')).toBe('date.future');
    expect(ruleOf(month, '2026-12')).toBe('accepted');
    expect(ruleOf(month, '1989-12')).toBe('date.range');
  });
});

describe('amount_fen cells', () => {
  const amount = { type: 'amount_fen' } as const;

  it('reads yuan into integer fen', () => {
    expect(valueOf(amount, '1,234.56')).toBe(123456);
    expect(valueOf(amount, '￥0.29')).toBe(29);
  });

  it('rejects a negative amount, with a Chinese reason', () => {
    const result = check(amount, '-5');
    expect(!result.ok && result.problem).toMatchObject({ rule: 'amount.invalid', reasonZh: '金额“-5”不能为负数' });
  });

  it('rejects more than two decimals and text that is no amount', () => {
    expect(!check(amount, '1.234').ok && ruleOf(amount, '1.234')).toBe('amount.invalid');
    const result = check(amount, '一千元');
    expect(!result.ok && result.problem.reasonZh).toBe('“一千元”不是以元为单位的金额，应写作如 1234.56');
  });

  it('applies min and max in fen and shows them in yuan', () => {
    const bounded = { type: 'amount_fen', min: 1, max: 500_000 } as const;
    expect(ruleOf(bounded, '0')).toBe('number.range');
    expect(ruleOf(bounded, '5000')).toBe('accepted');
    const result = check(bounded, '5000.01');
    expect(!result.ok && [result.problem.reason, result.problem.reasonZh]).toEqual([
      '字段 5,000.01 yuan is outside 0.01 yuan to 5,000.00 yuan', '字段 5,000.01元 超出允许范围 0.01元～5,000.00元',
    ]);
  });
});

describe('integer cells', () => {
  const integer = { type: 'integer' } as const;

  it('reads whole numbers, with thousands separators and a zero fraction', () => {
    expect(valueOf(integer, '3')).toBe(3);
    expect(valueOf(integer, '1,200')).toBe(1200);
    expect(valueOf(integer, '4.00')).toBe(4);
    expect(valueOf(integer, '-2')).toBe(-2);
  });

  it('rejects fractions and words', () => {
    expect(ruleOf(integer, '2.5')).toBe('number.invalid');
    expect(ruleOf(integer, '三')).toBe('number.invalid');
    expect(ruleOf(integer, '3人')).toBe('number.invalid');
  });

  it('applies min and max', () => {
    const members = { type: 'integer', min: 1, max: 20 } as const;
    expect(ruleOf(members, '0')).toBe('number.range');
    expect(ruleOf(members, '21')).toBe('number.range');
    expect(ruleOf(members, '20')).toBe('accepted');
    const atLeast = check({ type: 'integer', min: 1 }, '0');
    expect(!atLeast.ok && atLeast.problem.reasonZh).toBe('字段 0 小于下限 1');
  });
});

describe('decimal cells', () => {
  const area = { type: 'decimal', scale: 2, min: 0 } as const;

  it('reads a number with up to `scale` decimals', () => {
    expect(valueOf(area, '89.25')).toBe(89.25);
    expect(valueOf(area, '120')).toBe(120);
    expect(valueOf(area, '1,089.5')).toBe(1089.5);
  });

  it('rejects more decimals than the scale and non-numbers', () => {
    expect(ruleOf(area, '89.256')).toBe('number.invalid');
    expect(ruleOf(area, '89.250')).toBe('accepted');
    expect(ruleOf(area, '约90')).toBe('number.invalid');
  });

  it('applies min and max', () => {
    expect(ruleOf(area, '-1')).toBe('number.range');
    expect(ruleOf({ type: 'decimal', scale: 1, max: 10 }, '10.1')).toBe('number.range');
  });
});

describe('percent cells', () => {
  const percent = { type: 'percent' } as const;

  it('reads percentage points with or without the sign', () => {
    expect(valueOf(percent, '35')).toBe(35);
    expect(valueOf(percent, '35%')).toBe(35);
    expect(valueOf(percent, '35.5%')).toBe(35.5);
    expect(valueOf(percent, '35.5 ％')).toBe(35.5);
  });

  it('reads a fraction as points, not as a share of one', () => {
    expect(valueOf(percent, '0.35')).toBe(0.35);
  });

  it('keeps percentages within 0–100 and the field bounds', () => {
    expect(ruleOf(percent, '100.5%')).toBe('number.range');
    expect(ruleOf(percent, '-1%')).toBe('number.range');
    expect(ruleOf({ type: 'percent', max: 50 }, '60%')).toBe('number.range');
  });

  it('rejects more than two decimals and text', () => {
    expect(ruleOf(percent, '33.333%')).toBe('number.invalid');
    expect(ruleOf({ type: 'percent', scale: 3 }, '33.333%')).toBe('accepted');
    expect(ruleOf(percent, '三成')).toBe('number.invalid');
  });
});

describe('enum cells', () => {
  const status = { type: 'enum', values: ['在保', '停保'] } as const;

  it('accepts a listed value and refuses others, listing the allowed ones', () => {
    expect(valueOf(status, ' 在保 ')).toBe('在保');
    const result = check(status, '暂停');
    expect(!result.ok && result.problem).toMatchObject({ rule: 'enum.unknown', reason: '"暂停" is not one of 在保 / 停保', reasonZh: '“暂停”不是允许的取值，应为：在保、停保' });
  });
});

describe('community_code cells', () => {
  const community = { type: 'community_code' } as const;

  it('checks only the 12-digit form when the context has no territory', () => {
    expect(valueOf(community, '320102002001')).toBe('320102002001');
    expect(ruleOf(community, '32010200200')).toBe('community.invalid');
    expect(ruleOf(community, '3201020020011')).toBe('community.invalid');
    expect(ruleOf(community, '鼓楼区某社区')).toBe('community.invalid');
  });

  it('refuses a well-formed code the territory does not know', () => {
    const ctx: ValidationContext = { today: TODAY, isKnownCommunity: (code) => code === '320102002001' };
    expect(ruleOf(community, '320102002001', ctx)).toBe('accepted');
    expect(ruleOf(community, '320102999999', ctx)).toBe('community.unknown');
  });
});

describe('phone cells', () => {
  const phone = { type: 'phone' } as const;

  it('reads mainland mobiles, dropping +86, spaces and dashes', () => {
    expect(valueOf(phone, '13812345678')).toBe('13812345678');
    expect(valueOf(phone, '+86 138 1234 5678')).toBe('13812345678');
    expect(valueOf(phone, '138-1234-5678')).toBe('13812345678');
  });

  it('reads landlines with area code, inserting the dash where it belongs', () => {
    expect(valueOf(phone, '025-84412345')).toBe('025-84412345');
    expect(valueOf(phone, '02584412345')).toBe('025-84412345');
    expect(valueOf(phone, '(025)84412345')).toBe('025-84412345');
    expect(valueOf(phone, '051212345678')).toBe('0512-12345678');
  });

  it('rejects numbers that are neither', () => {
    for (const text of ['12812345678', '1381234567', '84412345', '025-844123', '无']) expect(ruleOf(phone, text)).toBe('phone.invalid');
  });
});

describe('boolean cells', () => {
  const flag = { type: 'boolean' } as const;

  it('reads 是/否, Y/N, 1/0 and true/false', () => {
    for (const yes of ['是', 'Y', 'y', '1', 'true', 'TRUE']) expect(valueOf(flag, yes)).toBe(true);
    for (const no of ['否', 'N', '0', 'false']) expect(valueOf(flag, no)).toBe(false);
  });

  it('rejects anything else', () => {
    expect(ruleOf(flag, '有')).toBe('boolean.invalid');
    expect(ruleOf(flag, '2')).toBe('boolean.invalid');
  });
});

describe('text cells', () => {
  it('keeps text as written, trimmed, and refuses more than 200 characters', () => {
    expect(valueOf({ type: 'text' }, ' 南京鼓楼医院 ')).toBe('南京鼓楼医院');
    expect(ruleOf({ type: 'text' }, '字'.repeat(200))).toBe('accepted');
    expect(ruleOf({ type: 'text' }, '字'.repeat(201))).toBe('text.too_long');
  });
});

describe('a row', () => {
  const columns: MappedColumn[] = [
    { field: { key: 'residentId', headers: ['身份证号码'], type: 'resident_id', required: true }, index: 1, header: '身份证号' },
    { field: { key: 'members', headers: ['保障人数'], type: 'integer', required: true, min: 1 }, index: 0, header: '保障人数' },
    { field: { key: 'note', headers: ['备注'], type: 'text', required: false }, index: 5, header: '备注' },
  ];

  it('returns the values by field key, reading cells by column index', () => {
    expect(validateRow(columns, ['3', '11010519491231002X'], CTX)).toEqual({ ok: true, values: { residentId: '11010519491231002X', members: 3, note: null } });
  });

  it('reports every problem of the row, each under the header the file used', () => {
    const result = validateRow(columns, ['0', '110105194912310021'], CTX);
    expect(!result.ok && result.problems.map((p) => [p.column, p.rule])).toEqual([
      ['身份证号', 'resident_id.check_digit'],
      ['保障人数', 'number.range'],
    ]);
  });
});
