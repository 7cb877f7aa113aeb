import { describe, expect, it } from 'vitest';
import { crossCheck } from './cross-checks.js';
import type { SourceDefinition } from './source.js';
import type { MappedColumn } from './validate.js';

const SOURCE: SourceDefinition = {
  id: 'test-benefit',
  version: 1,
  department: '测试局',
  name: '测试待遇',
  description: '测试用',
  cadenceDays: 31,
  produces: [],
  recordKey: ['residentId'],
  fields: [
    { key: 'residentId', headers: ['身份证号码'], type: 'resident_id', required: true },
    { key: 'startedOn', headers: ['开始日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['终止日期'], type: 'date', required: false },
    { key: 'status', headers: ['状态'], type: 'enum', required: true, values: ['在保', '停保'] },
    { key: 'closed', headers: ['是否结案'], type: 'boolean', required: false },
    { key: 'closedOn', headers: ['结案日期'], type: 'date', required: false },
    { key: 'totalFen', headers: ['总额(元)'], type: 'amount_fen', required: true },
    { key: 'partFen', headers: ['自付(元)'], type: 'amount_fen', required: true },
  ],
  checks: [
    { kind: 'date_order', earlier: 'startedOn', later: 'endedOn' },
    { kind: 'required_when', field: 'endedOn', when: 'status', equals: '停保' },
    { kind: 'required_when', field: 'closedOn', when: 'closed', equals: true },
    { kind: 'amount_within', part: 'partFen', total: 'totalFen' },
  ],
};

const COLUMNS: MappedColumn[] = SOURCE.fields.map((field, index) => ({ field, index, header: field.headers[0] as string }));
const VALID = { residentId: '11010519491231002X', startedOn: '2026-01-01', endedOn: null, status: '在保', closed: false, closedOn: null, totalFen: 10_000, partFen: 10_000 };

describe('cross-field checks', () => {
  it('finds nothing wrong in a consistent row', () => {
    expect(crossCheck(SOURCE, VALID, COLUMNS)).toEqual([]);
  });

  it('refuses an end date before the start date, under the end date column', () => {
    expect(crossCheck(SOURCE, { ...VALID, endedOn: '2025-12-31' }, COLUMNS)).toEqual([{
      column: '终止日期', value: '2025-12-31', rule: 'date.end_before_start',
      reason: '终止日期 2025-12-31 is before 开始日期 2026-01-01', reasonZh: '终止日期 2025-12-31 早于开始日期 2026-01-01，请核对两个日期',
    }]);
    expect(crossCheck(SOURCE, { ...VALID, endedOn: '2026-01-01' }, COLUMNS)).toEqual([]);
  });

  it('refuses a part larger than its total, in yuan', () => {
    expect(crossCheck(SOURCE, { ...VALID, partFen: 10_001 }, COLUMNS)).toEqual([{
      column: '自付(元)', value: '100.01', rule: 'amount.exceeds_total',
      reason: '自付(元) 100.01 is more than 总额(元) 100.00', reasonZh: '自付(元) 100.01 元超过总额(元) 100.00 元',
    }]);
  });

  it('requires a field once a status or flag says it must be there', () => {
    const stopped = crossCheck(SOURCE, { ...VALID, status: '停保' }, COLUMNS);
    expect(stopped).toMatchObject([{ column: '终止日期', rule: 'required.conditional', reasonZh: '状态为“停保”时，终止日期不能为空' }]);
    expect(crossCheck(SOURCE, { ...VALID, status: '停保', endedOn: '2026-06-30' }, COLUMNS)).toEqual([]);
    expect(crossCheck(SOURCE, { ...VALID, closed: true }, COLUMNS)).toMatchObject([{ column: '结案日期', rule: 'required.conditional', reasonZh: '是否结案为“是”时，结案日期不能为空' }]);
  });

  it('names columns as the file did, and by the canonical header when the file has no such column', () => {
    const renamed = COLUMNS.filter((c) => c.field.key !== 'endedOn').map((c) => (c.field.key === 'status' ? { ...c, header: '保障状态' } : c));
    expect(crossCheck(SOURCE, { ...VALID, status: '停保' }, renamed)).toMatchObject([{ column: '终止日期', reason: '终止日期 is required when 保障状态 is 停保' }]);
  });

  it('looks sources up by id and has no checks for an unknown one', () => {
    const medical = crossCheck('medical-settlement', { totalFen: 100, reimbursedFen: 50, outOfPocketFen: 101 }, []);
    expect(medical.map((p) => [p.column, p.rule])).toEqual([['个人自付(元)', 'amount.exceeds_total']]);
    expect(crossCheck('no-such-source', { a: 1 }, [])).toEqual([]);
  });
});
