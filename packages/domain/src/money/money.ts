/**
 * Money (金额) is an integer number of fen (分, 1/100 yuan). Amounts arrive as yuan text
 * from department files; they are turned into fen from their digits, never through a float,
 * so `"0.29"` is 29 fen and not 28.999….
 */

export type FenResult = { readonly ok: true; readonly fen: number } | { readonly ok: false; readonly message: string };

/** 10^12 fen = 10 billion yuan: far above any household figure, well inside 2^53. */
export const MAX_FEN = 1_000_000_000_000;

const NUMBER_TEXT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parses a yuan amount such as `1234`, `1234.5`, `1,234.56` or `¥1,234.56` (surrounding
 * spaces allowed) into fen. Rejects empty text, more than two decimals, negative amounts and
 * amounts above {@link MAX_FEN}.
 */
export function parseYuanToFen(text: string): FenResult {
  let rest = text.trim();
  if (rest === '') return { ok: false, message: 'amount is empty' };
  // A minus sign may come before or after the currency sign: -¥12 and ¥-12.
  let negative = false;
  if (rest.startsWith('-')) [negative, rest] = [true, rest.slice(1).trimStart()];
  rest = rest.replace(/^[¥￥]\s*/, '');
  if (!negative && rest.startsWith('-')) [negative, rest] = [true, rest.slice(1)];
  const match = NUMBER_TEXT.exec(rest);
  if (match === null) {
    if (/^[\d,]+(\.\d+)?$/.test(rest)) {
      return { ok: false, message: `"${text.trim()}" has misplaced thousands separators; write 1,234.56 or 1234.56` };
    }
    return { ok: false, message: `"${text.trim()}" is not an amount in yuan, e.g. 1234.56` };
  }
  if (negative) return { ok: false, message: 'amount must not be negative' };
  const integerDigits = (match[1] ?? '').replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: `"${text.trim()}" has more than 2 decimal places` };
  // More than 11 integer digits is above MAX_FEN whatever follows; checking first keeps Number exact.
  const tooLarge = { ok: false, message: `amount must not exceed ${formatFen(MAX_FEN)} yuan` } as const;
  if (integerDigits.length > 11) return tooLarge;
  const fen = Number(integerDigits) * 100 + Number(decimals.padEnd(2, '0'));
  return fen > MAX_FEN ? tooLarge : { ok: true, fen };
}

/**
 * Formats fen as yuan with two decimals and thousands separators: `123456` → `1,234.56`.
 * Mainland Chinese and English write amounts the same way, so `locale` changes nothing today;
 * it is there so callers pass the UI locale and a future difference stays in this function.
 */
export function formatFen(fen: number, locale: 'zh' | 'en' = 'zh'): string {
  void locale;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  const abs = Math.abs(fen);
  const yuan = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${yuan}.${cents}`;
}

/** A finite number as an exact decimal: `value = digits × 10^-scale`. */
function toDecimal(value: number): { digits: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`not a finite number: ${value}`);
  const fraction = match[3] ?? '';
  const scale = fraction.length - Number(match[4] ?? '0');
  const digits = BigInt(`${match[1] ?? ''}${match[2] ?? ''}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * `a × b` rounded half away from zero (half up for amounts) to an integer, computed on the
 * decimal digits of both numbers: `0.5 × 12345` is 6173 and `1.005 × 100` is 101 (a float
 * product would give 100.49999…). Used for thresholds such as 1.5 × the dibao standard.
 */
export function multiplyRounded(a: number, b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const product = x.digits * y.digits;
  const unit = 10n ** BigInt(x.scale + y.scale);
  const quotient = product / unit;
  const remainder = product % unit;
  const magnitude = remainder < 0n ? -remainder : remainder;
  const rounded = magnitude * 2n >= unit ? quotient + (product < 0n ? -1n : 1n) : quotient;
  return Number(rounded);
}
