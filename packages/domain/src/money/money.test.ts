import { describe, expect, it } from 'vitest';
import { formatFen, MAX_FEN, multiplyRounded, parseYuanToFen } from './money.js';

describe('parsing yuan into fen', () => {
  it('accepts whole yuan, one or two decimals, separators, the yuan sign and spaces', () => {
    expect(parseYuanToFen('1234')).toEqual({ ok: true, fen: 123400 });
    expect(parseYuanToFen('1234.5')).toEqual({ ok: true, fen: 123450 });
    expect(parseYuanToFen('1234.56')).toEqual({ ok: true, fen: 123456 });
    expect(parseYuanToFen('1,234.56')).toEqual({ ok: true, fen: 123456 });
    expect(parseYuanToFen('¥1,234.56')).toEqual({ ok: true, fen: 123456 });
    expect(parseYuanToFen('  ￥ 1,234,567.08 ')).toEqual({ ok: true, fen: 123456708 });
    expect(parseYuanToFen('0')).toEqual({ ok: true, fen: 0 });
    expect(parseYuanToFen('007.10')).toEqual({ ok: true, fen: 710 });
  });

  it('reads the digits instead of multiplying a float', () => {
    // 0.29 * 100 and 1.005 * 100 are not whole numbers in floating point.
    expect(parseYuanToFen('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuanToFen('4.35')).toEqual({ ok: true, fen: 435 });
    expect(parseYuanToFen('9007199254.99')).toEqual({ ok: true, fen: 900719925499 });
  });

  it('rejects empty text', () => {
    expect(parseYuanToFen('   ')).toEqual({ ok: false, message: 'amount is empty' });
  });

  it('rejects more than two decimal places', () => {
    expect(parseYuanToFen('1234.567')).toMatchObject({ ok: false, message: expect.stringContaining('more than 2 decimal places') });
  });

  it('rejects text that is not a number', () => {
    for (const text of ['abc', '12a', '1.2.3', '1234.', '.5', '1e5', '+12', '¥']) {
      expect(parseYuanToFen(text), text).toMatchObject({ ok: false, message: expect.stringContaining('is not an amount') });
    }
  });

  it('rejects thousands separators in the wrong places', () => {
    expect(parseYuanToFen('12,34.00')).toMatchObject({ ok: false, message: expect.stringContaining('thousands separators') });
  });

  it('rejects negative amounts with either sign order', () => {
    for (const text of ['-5', '-¥1,234.56', '¥-12.00', ' - 3']) {
      expect(parseYuanToFen(text), text).toEqual({ ok: false, message: 'amount must not be negative' });
    }
  });

  it('accepts 10^12 fen and rejects anything above it', () => {
    expect(parseYuanToFen('10,000,000,000')).toEqual({ ok: true, fen: MAX_FEN });
    expect(parseYuanToFen('10000000000.01')).toMatchObject({ ok: false, message: expect.stringContaining('must not exceed') });
    expect(parseYuanToFen('99999999999999999999999')).toMatchObject({ ok: false, message: expect.stringContaining('must not exceed') });
  });
});

describe('formatting fen', () => {
  it('writes two decimals and thousands separators', () => {
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(123456, 'en')).toBe('1,234.56');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(100000000)).toBe('1,000,000.00');
    expect(formatFen(-123456)).toBe('-1,234.56');
  });

  it('round-trips with parsing', () => {
    for (const fen of [0, 1, 99, 100, 123456, 100000000001, MAX_FEN]) {
      expect(parseYuanToFen(formatFen(fen))).toEqual({ ok: true, fen });
    }
  });

  it('refuses a fractional fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe('multiplying amounts by ratios', () => {
  it('rounds half up to whole fen', () => {
    expect(multiplyRounded(0.5, 12345)).toBe(6173);
    expect(multiplyRounded(0.5, 12344)).toBe(6172);
    expect(multiplyRounded(1.5, 120000)).toBe(180000);
  });

  it('is exact where a float product is not', () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(multiplyRounded(1.005, 100)).toBe(101);
    expect(multiplyRounded(0.285, 100000)).toBe(28500);
  });

  it('handles exponent notation, zero and negative values', () => {
    expect(multiplyRounded(1e-7, 5e6)).toBe(1); // 0.5 rounds up
    expect(multiplyRounded(2e21, 1)).toBe(2e21);
    expect(multiplyRounded(0, 0.5)).toBe(0);
    expect(multiplyRounded(-0.5, 3)).toBe(-2);
  });
});
