import { describe, expect, it } from 'vitest';
import { formatFen } from './money';
import { formatShortTimestamp, formatTimestamp } from './datetime';
import { shortId } from './id';
import { formatRatio } from './number';

describe('formatFen', () => {
  it('shows fen as yuan with grouping and two decimals', () => {
    expect(formatFen(1_234_560)).toBe('¥12,345.60');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
  });
  it('keeps the sign in front of the currency symbol', () => {
    expect(formatFen(-1_200)).toBe('-¥12.00');
  });
  it('shows a dash for a missing amount', () => {
    expect(formatFen(null)).toBe('—');
  });
});

describe('formatTimestamp', () => {
  it('shows a UTC timestamp as Nanjing wall-clock time', () => {
    expect(formatTimestamp('2026-12-04T01:30:00.000Z')).toBe('2026-12-04 09:30');
  });
  it('rolls over to the next day after 16:00 UTC', () => {
    expect(formatTimestamp('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
    expect(formatShortTimestamp('2026-12-31T16:05:00Z')).toBe('01-01 00:05');
  });
  it('shows a dash for an unparseable value', () => {
    expect(formatTimestamp('not a date')).toBe('—');
  });
});

describe('formatRatio', () => {
  it('shows a ratio as a percentage', () => {
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(0.125)).toBe('12.5%');
  });
});

describe('shortId', () => {
  it('shortens a UUID to its first 8 characters and leaves other ids alone', () => {
    expect(shortId('57dca872-a6c3-4b2e-bbe6-2766c8461bfe')).toBe('57dca872');
    expect(shortId('b0015')).toBe('b0015');
  });
});
