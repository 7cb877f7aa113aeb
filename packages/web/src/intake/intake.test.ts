import { describe, expect, it } from 'vitest';
import { ageOf, applyProgress, freshnessOf, groupByDepartment, matchesSearch, sortSources } from './freshness';
import type { SourceStatus } from './intake.api';
import { formatBytes, safeFileName, templateCsv } from './template';

const ASOF = '2026-12-10T00:00:00.000Z';

function source(id: string, department: string, change: Partial<SourceStatus> = {}): SourceStatus {
  return {
    id, department, name: id, columns: [], cadenceDays: 7, lastDeliveryAt: '2026-12-09T00:00:00.000Z', lastBatch: null,
    overdue: false, batches30d: 0, accepted30d: 0, rejected30d: 0, unchanged30d: 0, ...change,
  };
}

describe('templateCsv', () => {
  it('is the header row alone, UTF-8 with a BOM so that Excel reads Chinese headers', () => {
    const csv = templateCsv(['结算流水号', '身份证号码', '医疗总费用(元)']);
    expect(csv).toBe('\uFEFF结算流水号,身份证号码,医疗总费用(元)\r\n');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('quotes a header that has a comma or a quote', () => {
    expect(templateCsv(['a,b', 'say "hi"'])).toBe('\uFEFF"a,b","say ""hi"""\r\n');
  });
  it('makes a file name any OS accepts', () => {
    expect(safeFileName('低保/边缘:名册-导入模板.csv')).toBe('低保_边缘_名册-导入模板.csv');
  });
});

describe('formatBytes', () => {
  it('uses the largest unit below 1024', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
});

describe('freshness', () => {
  it('tells never delivered, overdue and on time apart', () => {
    expect(freshnessOf({ lastDeliveryAt: null, overdue: true })).toBe('never');
    expect(freshnessOf({ lastDeliveryAt: ASOF, overdue: true })).toBe('overdue');
    expect(freshnessOf({ lastDeliveryAt: ASOF, overdue: false })).toBe('on_time');
  });
  it('says how long ago in the largest whole unit', () => {
    expect(ageOf('2026-12-09T23:59:30.000Z', ASOF)).toEqual({ unit: 'now' });
    expect(ageOf('2026-12-09T23:15:00.000Z', ASOF)).toEqual({ unit: 'minutes', count: 45 });
    expect(ageOf('2026-12-09T19:00:00.000Z', ASOF)).toEqual({ unit: 'hours', count: 5 });
    expect(ageOf('2026-11-30T12:00:00.000Z', ASOF)).toEqual({ unit: 'days', count: 9 });
  });
  it('sorts the overdue first, the latest-running first, then never delivered, then on time', () => {
    const sorted = sortSources(
      [
        source('fresh', 'A'),
        source('never', 'B', { lastDeliveryAt: null, overdue: true }),
        source('late-2', 'A', { overdue: true, lastDeliveryAt: '2026-12-01T00:00:00.000Z' }),
        source('late-20', 'C', { overdue: true, lastDeliveryAt: '2026-11-13T00:00:00.000Z' }),
        source('fresh-2', 'B'),
      ],
      ASOF,
    );
    expect(sorted.map((s) => s.id)).toEqual(['late-20', 'late-2', 'never', 'fresh', 'fresh-2']);
  });
  it('groups by department in the order of the sorted list, counting the overdue', () => {
    const groups = groupByDepartment([source('x', 'C', { overdue: true }), source('y', 'A'), source('z', 'C')]);
    expect(groups.map((g) => [g.department, g.sources.map((s) => s.id), g.overdue])).toEqual([
      ['C', ['x', 'z'], 1],
      ['A', ['y'], 0],
    ]);
  });
  it('searches case- and width-insensitively', () => {
    expect(matchesSearch('ＭＥＤ', ['Medical settlements'])).toBe(true);
    expect(matchesSearch('医保', ['市医疗保障局'])).toBe(false);
    expect(matchesSearch(' ', ['anything'])).toBe(true);
  });
});

describe('applyProgress', () => {
  it('is unknown while the file is read through, then rows applied of the total', () => {
    expect(applyProgress({ totalRows: null, rows: 0 })).toBeNull();
    expect(applyProgress({ totalRows: 2000, rows: 500 })).toEqual({ done: 500, total: 2000, percent: 25 });
    expect(applyProgress({ totalRows: 10, rows: 12 })).toEqual({ done: 10, total: 10, percent: 100 });
  });
});
