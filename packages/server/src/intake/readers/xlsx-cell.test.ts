import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToDate, formatNumber, isDateFormat, isoDateTime } from './xlsx-cell.js';

const plain = { isDate: false, date1904: false };

describe('xlsx cell text', () => {
  it('writes numbers as Excel shows them: no binary noise, at most 15 significant digits', () => {
    expect([12.3, 0.1 + 0.2, 1e-7, -1234.5, 123456789012345, 2 ** 53 + 2, 1e21].map(formatNumber)).toEqual([
      '12.3', '0.3', '0.0000001', '-1234.5', '123456789012345', '9007199254740990', '1000000000000000000000']);
  });

  it('reads a serial as a date in either date system, a fraction as a time of day', () => {
    expect(isoDateTime(excelSerialToDate(46329, false))).toBe('2026-11-03');
    expect(isoDateTime(excelSerialToDate(46329 - 1462, true))).toBe('2026-11-03');
    expect(isoDateTime(excelSerialToDate(46329.5208333333, false))).toBe('2026-11-03 12:30:00');
    expect(isoDateTime(excelSerialToDate(0.75, false))).toBe('18:00:00');
  });

  it('tells date formats from number formats', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'h:mm:ss', 'YYYY/MM/DD'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['General', '0.00', '#,##0.00"元"', '[Red]0.00', '@', undefined].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });

  it('takes the cached result of a formula and empties an error', () => {
    expect(cellText({ formula: 'A1*2', result: 24.6 }, plain)).toBe('24.6');
    expect(cellText({ formula: 'A1', result: 46329 }, { isDate: true, date1904: false })).toBe('2026-11-03');
    expect(cellText({ formula: 'NA()' }, plain)).toBe('');
    expect(cellText({ error: '#DIV/0!' }, plain)).toBe('');
    expect(cellText(Number.NaN, plain)).toBe('');
  });
});
