import { describe, expect, it } from 'vitest';
import { SOURCES, sourceById } from './catalogue.js';
import { crossCheck } from './cross-checks.js';
import { canonicalColumns, exampleRow } from './examples.js';
import { headerForms, missingRequiredFields } from './headers.js';
import { canonicalHeaders, type SourceDefinition, type SourceField } from './source.js';
import { MEDICAL_SETTLEMENT } from './sources/medical-security.js';
import { validateRow } from './validate.js';

const fieldOf = (source: SourceDefinition, key: string): SourceField | undefined => source.fields.find((f) => f.key === key);
const each = SOURCES.map((s) => [s.id, s] as const);

describe('the source catalogue', () => {
  it('has unique kebab-case ids and finds each by id', () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(sourceById(id)?.id).toBe(id);
    }
    expect(sourceById('no-such-source')).toBeUndefined();
  });

  it('covers the fourteen departments and the banks', () => {
    expect(new Set(SOURCES.map((s) => s.department))).toEqual(new Set([
      '市民政局', '市人力资源和社会保障局', '市医疗保障局', '市应急管理局', '市残疾人联合会', '市教育局', '市公安局',
      '市规划和自然资源局', '市市场监督管理局', '南京住房公积金管理中心', '国家税务总局南京市税务局', '市卫生健康委员会',
      '市总工会', '市农业农村局', '合作商业银行',
    ]));
  });

  it('keeps the medical settlement feed the simulator and departments already send', () => {
    expect(sourceById('medical-settlement')).toBe(MEDICAL_SETTLEMENT);
    expect(canonicalHeaders(MEDICAL_SETTLEMENT)).toEqual(['结算流水号', '身份证号码', '姓名', '结算日期', '医疗机构名称', '就医类别', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)']);
  });
});

describe.each(each)('source %s', (_id, source) => {
  it('declares a version, a cadence, what it produces and a one-line Chinese description', () => {
    expect(Number.isInteger(source.version) && source.version >= 1).toBe(true);
    expect(Number.isInteger(source.cadenceDays) && source.cadenceDays >= 1).toBe(true);
    expect(source.produces.length).toBeGreaterThan(0);
    expect(new Set(source.produces).size).toBe(source.produces.length);
    expect(source.description).toMatch(/^[^\n]*\p{Script=Han}[^\n]*$/u);
    expect(source.name).toMatch(/\p{Script=Han}/u);
  });

  it('has unique field keys, each field with at least one header', () => {
    const keys = source.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of source.fields) expect(field.headers.length, field.key).toBeGreaterThan(0);
  });

  it('identifies the person by a required resident ID field named residentId', () => {
    expect(fieldOf(source, 'residentId')).toMatchObject({ type: 'resident_id', required: true });
  });

  it('has a record key made of required fields', () => {
    expect(source.recordKey.length).toBeGreaterThan(0);
    for (const key of source.recordKey) expect(fieldOf(source, key)?.required, key).toBe(true);
  });

  it('gives no header variant to two fields, so a column maps to one field only', () => {
    const owner = new Map<string, string>();
    for (const field of source.fields) {
      for (const form of headerForms(field)) {
        expect(owner.get(form) ?? field.key, `"${form}" is a header of ${owner.get(form)} and ${field.key}`).toBe(field.key);
        owner.set(form, field.key);
      }
    }
  });

  it('declares consistent type options', () => {
    for (const field of source.fields) {
      if (field.type === 'enum') {
        expect(field.values.length).toBeGreaterThan(0);
        expect(new Set(field.values).size).toBe(field.values.length);
      }
      if (field.type === 'decimal' || field.type === 'percent') expect(Number.isInteger(field.scale ?? 2)).toBe(true);
      if (field.type === 'amount_fen' || field.type === 'integer' || field.type === 'decimal' || field.type === 'percent') {
        if (field.min !== undefined && field.max !== undefined) expect(field.min).toBeLessThanOrEqual(field.max);
      }
      if (field.type === 'percent') expect([field.min ?? 0, field.max ?? 100].every((b) => b >= 0 && b <= 100)).toBe(true);
      if ((field.type === 'date' || field.type === 'year_month') && field.earliest !== undefined) expect(field.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('declares cross-field checks on fields of the right type', () => {
    for (const check of source.checks ?? []) {
      switch (check.kind) {
        case 'date_order':
          expect(fieldOf(source, check.earlier)?.type).toBe('date');
          expect(fieldOf(source, check.later)?.type).toBe('date');
          break;
        case 'amount_within':
          expect(fieldOf(source, check.part)?.type).toBe('amount_fen');
          expect(fieldOf(source, check.total)?.type).toBe('amount_fen');
          break;
        case 'required_when': {
          expect(fieldOf(source, check.field)?.required).toBe(false);
          const when = fieldOf(source, check.when);
          if (typeof check.equals === 'boolean') expect(when?.type).toBe('boolean');
          else expect(when?.type === 'enum' && when.values.includes(check.equals)).toBe(true);
          break;
        }
      }
    }
  });

  it('accepts its own example row', () => {
    const result = validateRow(canonicalColumns(source), exampleRow(source), { today: '2026-12-04', isKnownCommunity: () => true });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(crossCheck(source, result.values, canonicalColumns(source))).toEqual([]);
  });
});

describe('telling sources apart by their headers', () => {
  const pairs = SOURCES.flatMap((a) => SOURCES.filter((b) => b !== a).map((b) => [a, b] as const));

  it("never lets a file with one source's canonical headers pass as another source", () => {
    for (const [a, b] of pairs) {
      expect(missingRequiredFields(b, canonicalHeaders(a)).length, `a ${a.id} file would be accepted as ${b.id}`).toBeGreaterThan(0);
    }
  });

  it("never lets a file of one source pass as another, whichever header variants it uses", () => {
    for (const [a, b] of pairs) {
      const formsOfA = new Set(a.fields.flatMap((f) => [...headerForms(f)]));
      const unreachable = b.fields.filter((f) => f.required && ![...headerForms(f)].some((form) => formsOfA.has(form)));
      expect(unreachable.length, `every required column of ${b.id} can appear in a ${a.id} file`).toBeGreaterThan(0);
    }
  });
});
