import { MEDICAL_BURDEN_RULE, MEDICAL_SETTLEMENT, NANJING_POLICY, canonicalHeaders, evaluateRule, parameterLookup, parseResidentId } from '@shouwang/domain';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateCity, type DemoHousehold } from './city.js';
import { DEFECT_KINDS, corruptRows, formatYuan, generateSettlements, settlementsToCsv, toSettlementRecord, type SettlementRecord } from './medical-feed.js';
import type { SettlementRow } from './settlements.js';

const city = generateCity({ seed: 21, persons: 5_000, today: '2025-06-30' });
const households = new Map<string, DemoHousehold>();
for (const h of city.households) for (const m of h.members) households.set(m.residentId, h);
const options = { seed: 5, count: 4_000, from: '2025-01-01', to: '2025-06-30' } as const;
const rows = generateSettlements(city, options);

/** Whether the domain's illness rule fires on this row alone (out of pocket ≥ half the income and ≥ 5,000 yuan). */
function crossesBurden(row: SettlementRow): boolean {
  const household = households.get(row.residentId) as DemoHousehold;
  const features = { oop_medical_12m: row.outOfPocketFen, annual_income: household.annualIncomeFen };
  return evaluateRule(MEDICAL_BURDEN_RULE, features, parameterLookup(NANJING_POLICY, '3201', row.settledOn), row.settledOn).fired;
}

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe('generateSettlements', () => {
  it('is deterministic', () => {
    expect(generateSettlements(city, options)).toEqual(rows);
    expect(generateSettlements(city, { ...options, seed: 6 })).not.toEqual(rows);
  });

  it('settles claims of people of the city, in date order within the range', () => {
    expect(rows).toHaveLength(4_000);
    for (const [i, row] of rows.entries()) {
      const household = households.get(row.residentId);
      expect(household).toBeDefined();
      const person = household?.members.find((m) => m.residentId === row.residentId);
      expect(person?.name).toBe(row.name);
      expect(row.settledOn >= (person?.birthDate ?? '')).toBe(true);
      expect(row.settledOn >= options.from && row.settledOn <= options.to).toBe(true);
      if (i > 0) expect(row.settledOn >= (rows[i - 1] as SettlementRow).settledOn).toBe(true);
    }
  });

  it('numbers settlements uniquely with the date in the number', () => {
    expect(new Set(rows.map((r) => r.settlementNo)).size).toBe(rows.length);
    for (const row of rows) expect(row.settlementNo).toMatch(new RegExp(`^YB${row.settledOn.replaceAll('-', '')}0\\d{8}$`));
    const later = generateSettlements(city, { ...options, firstSequence: 4_001 });
    const first = new Set(rows.map((r) => r.settlementNo));
    expect(later.some((r) => first.has(r.settlementNo))).toBe(false);
  });

  it('splits every total into fund and patient parts that add up', () => {
    for (const row of rows) {
      expect(Number.isInteger(row.totalFen)).toBe(true);
      expect(row.reimbursedFen).toBeGreaterThanOrEqual(0);
      expect(row.outOfPocketFen).toBeGreaterThanOrEqual(0);
      expect(row.reimbursedFen + row.outOfPocketFen).toBe(row.totalFen);
    }
  });

  it('has realistic amounts: outpatient visits of a few hundred yuan, hospital stays of thousands', () => {
    const outpatient = rows.filter((r) => r.visitType === '门诊');
    const inRange = outpatient.filter((r) => r.totalFen >= 5_000 && r.totalFen <= 80_000);
    expect(outpatient.length / rows.length).toBeGreaterThan(0.45);
    expect(inRange.length / outpatient.length).toBeGreaterThan(0.9);
    const stays = rows.filter((r) => r.visitType === '住院' && !crossesBurden(r));
    expect(stays.length).toBeGreaterThan(100);
    for (const stay of stays) {
      expect(stay.totalFen).toBeGreaterThanOrEqual(500_000);
      expect(stay.totalFen).toBeLessThanOrEqual(15_000_000);
      expect(stay.outOfPocketFen / stay.totalFen).toBeGreaterThanOrEqual(0.2 - 1e-6);
      expect(stay.outOfPocketFen / stay.totalFen).toBeLessThanOrEqual(0.45 + 1e-6);
    }
    expect(new Set(rows.map((r) => r.visitType))).toEqual(new Set(['门诊', '住院', '门诊慢特病', '药店购药']));
  });

  it('names real Nanjing institutions', () => {
    const institutions = new Set(rows.map((r) => r.institution));
    expect(institutions).toContain('江苏省人民医院');
    expect(institutions).toContain('南京鼓楼医院');
    expect([...institutions].some((name) => name.endsWith('社区卫生服务中心'))).toBe(true);
  });

  it('puts the burden share of rows on low-income families, each crossing the illness thresholds on its own', () => {
    const burdened = rows.filter(crossesBurden);
    expect(burdened.length).toBeGreaterThanOrEqual(Math.round(options.count * 0.05));
    expect(burdened.length).toBeLessThan(options.count * 0.08);
    const lowIncome = burdened.filter((r) => households.get(r.residentId)?.programme !== null);
    expect(lowIncome.length).toBeGreaterThanOrEqual(Math.round(options.count * 0.05));
    expect(lowIncome.every((r) => r.visitType === '住院')).toBe(true);
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => generateSettlements(city, { ...options, from: '2025-07-01' })).toThrow(RangeError);
  });
});

describe('settlementsToCsv', () => {
  const sample = rows.slice(0, 50);

  it('writes the canonical Chinese headers, amounts in yuan and CRLF lines', () => {
    const text = settlementsToCsv(sample, { encoding: 'utf8' }).toString('utf8');
    expect(text.startsWith(`${canonicalHeaders(MEDICAL_SETTLEMENT).join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const [, first] = parseCsv(text) as [string[], string[]];
    const row = sample[0] as SettlementRow;
    expect(first).toEqual([row.settlementNo, row.residentId, row.name, row.settledOn, row.institution, row.visitType, formatYuan(row.totalFen), formatYuan(row.reimbursedFen), formatYuan(row.outOfPocketFen)]);
  });

  it('round-trips every row through a CSV parser', () => {
    const [header, ...records] = parseCsv(settlementsToCsv(sample, { encoding: 'utf8' }).toString('utf8'));
    expect(header).toEqual(canonicalHeaders(MEDICAL_SETTLEMENT));
    expect(records).toEqual(sample.map((r) => Object.values(toSettlementRecord(r))));
    for (const [i, record] of records.entries()) {
      expect(Math.round(Number(record[6]) * 100)).toBe(sample[i]?.totalFen);
    }
  });

  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(123_450)).toBe('1234.50');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1_000)).toBe('-10.00');
  });

  it('writes a BOM for utf8-bom and GBK bytes that decode to the same text', () => {
    const utf8 = settlementsToCsv(sample, { encoding: 'utf8' });
    const bom = settlementsToCsv(sample, { encoding: 'utf8-bom' });
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.subarray(3).equals(utf8)).toBe(true);
    const gbk = settlementsToCsv(sample, { encoding: 'gbk' });
    expect(gbk.equals(utf8)).toBe(false);
    expect(iconv.decode(gbk, 'gbk')).toBe(utf8.toString('utf8'));
  });

  it('uses variant headers when given, and refuses a wrong number of them', () => {
    const variant = MEDICAL_SETTLEMENT.fields.map((f) => f.headers[f.headers.length - 1] as string);
    const text = settlementsToCsv(sample, { encoding: 'utf8', headers: variant }).toString('utf8');
    expect(parseCsv(text)[0]).toEqual(variant);
    expect(() => settlementsToCsv(sample, { encoding: 'utf8', headers: ['姓名'] })).toThrow(RangeError);
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    const record: SettlementRecord = { ...toSettlementRecord(sample[0] as SettlementRow), institution: '南京市"第一"医院,门诊部', name: '王\n芳' };
    const text = settlementsToCsv([record], { encoding: 'utf8' }).toString('utf8');
    expect(text).toContain('"南京市""第一""医院,门诊部"');
    expect(parseCsv(text)[1]?.[4]).toBe('南京市"第一"医院,门诊部');
    expect(parseCsv(text)[1]?.[2]).toBe('王\n芳');
  });
});

describe('corruptRows', () => {
  const sample = rows.slice(0, 600);
  const { rows: spoilt, defects } = corruptRows(sample, 3, 0.1);
  const defectAt = new Map(defects.map((d) => [d.index, d]));

  it('spoils the asked share of rows, one defect per row, every kind present', () => {
    expect(spoilt).toHaveLength(sample.length);
    expect(defects).toHaveLength(60);
    expect(defectAt.size).toBe(60);
    expect(new Set(defects.map((d) => d.kind))).toEqual(new Set(DEFECT_KINDS));
  });

  it('leaves the other rows as they were and changes only the recorded field', () => {
    for (const [index, record] of spoilt.entries()) {
      const original = toSettlementRecord(sample[index] as SettlementRow);
      const defect = defectAt.get(index);
      const changed = (Object.keys(original) as (keyof SettlementRecord)[]).filter((k) => record[k] !== original[k]);
      expect(changed).toEqual(defect === undefined ? [] : [defect.field]);
    }
  });

  it('makes each kind of defect the way real files have it', () => {
    for (const { index, field, kind } of defects) {
      const value = (spoilt[index] as SettlementRecord)[field];
      switch (kind) {
        case 'check_digit': {
          const parsed = parseResidentId(value, '2025-06-30');
          expect(parsed.ok === false && parsed.problem).toBe('check_digit');
          break;
        }
        case 'id_length':
          expect(value).toHaveLength(17);
          expect(parseResidentId(value).ok).toBe(false);
          break;
        case 'impossible_date': {
          const [y, m, d] = value.split('-').map(Number) as [number, number, number];
          expect(new Date(Date.UTC(y, m - 1, d)).getUTCDate()).not.toBe(d);
          break;
        }
        case 'empty_amount':
          expect(field).toBe('outOfPocketFen');
          expect(value).toBe('');
          break;
        case 'negative_amount':
          expect(Number(value)).toBeLessThan(0);
          break;
        case 'non_numeric_amount':
          expect(Number.isNaN(Number(value))).toBe(true);
          expect(value).toMatch(/^\d*o\.\d{2}$/);
          break;
      }
    }
  });

  it('writes the spoilt rows as a file', () => {
    const parsed = parseCsv(iconv.decode(settlementsToCsv(spoilt, { encoding: 'gbk' }), 'gbk'));
    expect(parsed).toHaveLength(sample.length + 1);
    expect(parsed.slice(1)).toEqual(spoilt.map((r) => Object.values(r)));
  });

  it('is deterministic and spoils nothing at share 0', () => {
    expect(corruptRows(sample, 3, 0.1)).toEqual({ rows: spoilt, defects });
    expect(corruptRows(sample, 3, 0).defects).toEqual([]);
  });
});
