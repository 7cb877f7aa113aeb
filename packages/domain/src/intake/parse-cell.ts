/**
 * Readers for the cell forms departments write, one per field type that is not handled by
 * another module (resident IDs are in `identity`, yuan amounts in `money`). Each returns the
 * canonical value, or undefined when the text is not of that form; bounds are checked by the
 * caller. Input is expected trimmed and NFKC-normalised (full-width digits folded).
 */

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

const MONTH_FORMS = [/^(\d{4})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})$/, /^(\d{4})(\d{2})$/, /^(\d{4})年(\d{1,2})月$/];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar date in a form departments use, as ISO; undefined when it is not a real date. A time of day is ignored. */
export function parseDepartmentDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  for (const form of DATE_FORMS) {
    const m = form.exec(value);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
    return `${m[1]}-${pad2(mo)}-${pad2(d)}`;
  }
  return undefined;
}

/**
 * A year and month (缴费年月, 所属期) as `YYYY-MM`: 2026-03, 2026/3, 202603, 2026年3月. A full
 * date is accepted for its month, since many systems export months as the first day.
 */
export function parseYearMonth(text: string): string | undefined {
  const value = text.trim();
  for (const form of MONTH_FORMS) {
    const m = form.exec(value);
    if (!m) continue;
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? `${m[1]}-${pad2(mo)}` : undefined;
  }
  return parseDepartmentDate(value)?.slice(0, 7);
}

export type NumberTextResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'format' | 'scale' };

const NUMBER_TEXT = /^(-?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * A decimal number with at most `scale` decimals (`1,234.5`, `-3`, `89.25`), read from its
 * digits so that `0.29` stays 0.29. With scale 0 a whole number; `3.0` is accepted as 3.
 */
export function parseNumberText(text: string, scale: number): NumberTextResult {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return { ok: false, problem: 'format' };
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > scale) return { ok: false, problem: 'scale' };
  const digits = (m[2] ?? '').replaceAll(',', '');
  const value = Number(`${m[1] ?? ''}${digits}${decimals ? `.${decimals}` : ''}`);
  if (!Number.isFinite(value) || (scale === 0 && !Number.isSafeInteger(value))) return { ok: false, problem: 'format' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/**
 * A percentage in percentage points: `35`, `35%` and `35.5%` are 35 and 35.5. A fraction
 * such as `0.35` is read as 0.35 %, not 35 %: a column headed (%) holds points, and guessing
 * would make a 0.5 % share a 50 % one.
 */
export function parsePercent(text: string, scale: number): NumberTextResult {
  return parseNumberText(text.trim().replace(/\s*%$/, ''), scale);
}

/**
 * A mainland phone number, normalised: mobile `13812345678` (a +86 prefix and dashes are dropped),
 * landline `025-84412345` (area code 010 or 02x is three digits, others four).
 */
export function parsePhone(text: string): string | undefined {
  const value = text.replace(/[\s()]/g, (c) => (c === ')' ? '-' : '')).replace(/-+/g, '-');
  const mobile = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(value.replaceAll('-', ''));
  if (mobile) return mobile[1];
  const dashed = /^(0\d{2,3})-(\d{7,8})$/.exec(value);
  if (dashed) return `${dashed[1]}-${dashed[2]}`;
  const plain = /^0\d{9,11}$/.exec(value);
  if (!plain) return undefined;
  const areaLength = /^0(?:10|2\d)/.test(value) ? 3 : 4;
  const local = value.slice(areaLength);
  return local.length >= 7 && local.length <= 8 ? `${value.slice(0, areaLength)}-${local}` : undefined;
}

const TRUE_TEXT = new Set(['是', 'y', 'yes', '1', 'true']);
const FALSE_TEXT = new Set(['否', 'n', 'no', '0', 'false']);

/** 是/否, Y/N, 1/0, true/false (any case). */
export function parseBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (TRUE_TEXT.has(value)) return true;
  if (FALSE_TEXT.has(value)) return false;
  return undefined;
}

/** A 12-digit community (社区/村) code of GB/T 2260 form; whether it exists is the territory's question. */
export function isCommunityCodeForm(text: string): boolean {
  return /^[1-9]\d{11}$/.test(text);
}
