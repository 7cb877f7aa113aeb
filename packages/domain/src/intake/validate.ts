/**
 * Row validation (行校验): one data row of a department file against the columns its header
 * row was mapped to. Pure: the caller passes today's date and, when it has the territory,
 * a test for known community codes. Every problem of a row is reported, each with a stable
 * rule id and a reason in English and Chinese that says what to fix.
 */

import { checkCharacter, parseResidentId, type ResidentIdProblem } from '../identity/index.js';
import { formatFen, parseYuanToFen } from '../money/index.js';
import { isCommunityCodeForm, parseBoolean, parseDepartmentDate, parseNumberText, parsePercent, parsePhone, parseYearMonth } from './parse-cell.js';
import type { SourceField } from './source.js';

export type FieldValue = string | number | boolean | null;

/** A field of the source found in the file: which column holds it and how the file names it. */
export interface MappedColumn {
  readonly field: SourceField;
  readonly index: number;
  /** The header as it appears in the file. */
  readonly header: string;
}

/** Rules one cell can break. */
export type FieldRule =
  | 'required'
  | `resident_id.${ResidentIdProblem}`
  | 'date.invalid'
  | 'date.future'
  | 'date.range'
  | 'amount.invalid'
  | 'number.invalid'
  | 'number.range'
  | 'enum.unknown'
  | 'community.invalid'
  | 'community.unknown'
  | 'phone.invalid'
  | 'boolean.invalid'
  | 'text.too_long';

/** Rules across the fields of one row (see `crossCheck`), and across the rows of one file. */
export type RowRule = FieldRule | 'amount.exceeds_total' | 'date.end_before_start' | 'required.conditional' | 'record_key.duplicate';

/** Why a row was refused: which column, what it held, which rule it broke. */
export interface RowProblem {
  readonly column: string;
  readonly value: string;
  /** Stable rule id, e.g. `resident_id.check_digit`. */
  readonly rule: RowRule;
  readonly reason: string;
  /** The same reason in Chinese, for the department that fixes the row. */
  readonly reasonZh: string;
}

export interface ValidationContext {
  /** ISO date in Asia/Shanghai: dates after it are refused unless the field allows them. */
  readonly today: string;
  /** Whether a community code exists in the territory; without it codes are only format-checked. */
  readonly isKnownCommunity?: (code: string) => boolean;
}

export type RowResult =
  | { readonly ok: true; readonly values: Record<string, FieldValue> }
  | { readonly ok: false; readonly problems: RowProblem[] };

export type FieldResult = { readonly ok: true; readonly value: FieldValue } | { readonly ok: false; readonly problem: RowProblem };

/** Longest text accepted in a `text` field. */
export const MAX_TEXT_LENGTH = 200;
const DEFAULT_EARLIEST = '1990-01-01';
const DEFAULT_SCALE = 2;

function residentIdReasonZh(problem: ResidentIdProblem, id: string): string {
  switch (problem) {
    case 'empty': return '身份证号码为空';
    case 'length': return `身份证号码应为18位（或旧版15位），实际为${id.length}位`;
    case 'characters': return '身份证号码只能由数字组成，末位可以是 X';
    case 'region': return `身份证号码的地区码 ${id.slice(0, 6)} 无效`;
    case 'birth_date': return `身份证号码中的出生日期 ${(id.length === 15 ? `19${id.slice(6, 12)}` : id.slice(6, 14))} 不是1900年至今的真实日期`;
    case 'check_digit': return `身份证号码校验位错误，应为 ${checkCharacter(id.slice(0, 17))}`;
  }
}

/** The Chinese for a failed yuan amount; the English comes from `parseYuanToFen`. */
function amountReasonZh(text: string, message: string): string {
  if (message.includes('negative')) return `金额“${text}”不能为负数`;
  if (message.includes('decimal places')) return `金额“${text}”最多保留两位小数（分）`;
  if (message.includes('thousands separators')) return `金额“${text}”的千分位逗号位置不对，应写作 1,234.56 或 1234.56`;
  if (message.includes('exceed')) return `金额“${text}”超过上限`;
  return `“${text}”不是以元为单位的金额，应写作如 1234.56`;
}

interface Bounds { readonly min?: number; readonly max?: number }

/** How a number is written in a message: amounts in yuan, percentages with %. */
interface Display { readonly show: (n: number) => string; readonly en: string; readonly zh: string }
const PLAIN: Display = { show: String, en: '', zh: '' };
const YUAN: Display = { show: formatFen, en: ' yuan', zh: '元' };
const PERCENT: Display = { show: String, en: '%', zh: '%' };

/** The reason a number lies outside its bounds, or undefined when it is inside. */
function outOfRange(header: string, value: number, { min, max }: Bounds, d: Display): { reason: string; reasonZh: string } | undefined {
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return undefined;
  const en = (n: number) => `${d.show(n)}${d.en}`;
  const zh = (n: number) => `${d.show(n)}${d.zh}`;
  if (min !== undefined && max !== undefined) {
    return { reason: `${header} ${en(value)} is outside ${en(min)} to ${en(max)}`, reasonZh: `${header} ${zh(value)} 超出允许范围 ${zh(min)}～${zh(max)}` };
  }
  if (min !== undefined) return { reason: `${header} ${en(value)} is less than ${en(min)}`, reasonZh: `${header} ${zh(value)} 小于下限 ${zh(min)}` };
  const upper = max as number;
  return { reason: `${header} ${en(value)} is more than ${en(upper)}`, reasonZh: `${header} ${zh(value)} 大于上限 ${zh(upper)}` };
}

/** Validates one cell: empty is null (or `required`), otherwise the value in its canonical form. */
export function validateField(field: SourceField, header: string, raw: string, ctx: ValidationContext): FieldResult {
  const trimmed = raw.trim();
  const fail = (rule: FieldRule, reason: string, reasonZh: string): FieldResult =>
    ({ ok: false, problem: { column: header, value: raw, rule, reason, reasonZh } });
  if (trimmed === '') {
    return field.required ? fail('required', `${header} is required but empty`, `${header}为必填项，不能为空`) : { ok: true, value: null };
  }
  // Full-width digits, letters and signs are common in spreadsheets typed with a Chinese IME.
  const text = field.type === 'text' || field.type === 'enum' ? trimmed : trimmed.normalize('NFKC');
  const ranged = (value: number, bounds: Bounds, display: Display): FieldResult => {
    const out = outOfRange(header, value, bounds, display);
    return out ? fail('number.range', out.reason, out.reasonZh) : { ok: true, value };
  };
  switch (field.type) {
    case 'resident_id': {
      const parsed = parseResidentId(text, ctx.today);
      if (parsed.ok) return { ok: true, value: parsed.id.number };
      return fail(`resident_id.${parsed.problem}`, parsed.message, residentIdReasonZh(parsed.problem, text.toUpperCase()));
    }
    case 'date':
    case 'year_month': {
      const month = field.type === 'year_month';
      const value = month ? parseYearMonth(text) : parseDepartmentDate(text);
      if (value === undefined) {
        return month
          ? fail('date.invalid', `"${text}" is not a year and month (expected YYYY-MM, e.g. 2026-03)`, `“${text}”不是有效年月，应写作 YYYY-MM，如 2026-03`)
          : fail('date.invalid', `"${text}" is not a real date (expected YYYY-MM-DD)`, `“${text}”不是有效日期，应写作 YYYY-MM-DD，如 2026-03-15`);
      }
      const latest = month ? ctx.today.slice(0, 7) : ctx.today;
      if (!field.allowFuture && value > latest) return fail('date.future', `${header} ${value} is after today (${ctx.today})`, `${header} ${value} 晚于今天（${ctx.today}），请核对`);
      const earliest = (field.earliest ?? DEFAULT_EARLIEST).slice(0, month ? 7 : 10);
      if (value < earliest) return fail('date.range', `${header} ${value} is before ${earliest}`, `${header} ${value} 早于 ${earliest}，请核对`);
      return { ok: true, value };
    }
    case 'amount_fen': {
      const parsed = parseYuanToFen(text);
      if (!parsed.ok) return fail('amount.invalid', `"${text}": ${parsed.message}`, amountReasonZh(text, parsed.message));
      return ranged(parsed.fen, field, YUAN);
    }
    case 'integer':
    case 'decimal':
    case 'percent': {
      const scale = field.type === 'integer' ? 0 : field.scale ?? DEFAULT_SCALE;
      const parsed = field.type === 'percent' ? parsePercent(text, scale) : parseNumberText(text, scale);
      if (parsed.ok) {
        return field.type === 'percent'
          ? ranged(parsed.value, { min: field.min ?? 0, max: field.max ?? 100 }, PERCENT)
          : ranged(parsed.value, field, PLAIN);
      }
      if (field.type === 'integer') return fail('number.invalid', `"${text}" is not a whole number`, `“${text}”不是整数`);
      if (field.type === 'percent') {
        return fail('number.invalid', `"${text}" is not a percentage such as 35 or 35.5% (at most ${scale} decimals)`, `“${text}”不是有效百分比，应写作 35 或 35.5%（最多${scale}位小数）`);
      }
      return fail('number.invalid', `"${text}" is not a number with at most ${scale} decimals`, `“${text}”不是有效数字（最多${scale}位小数）`);
    }
    case 'enum':
      return field.values.includes(text)
        ? { ok: true, value: text }
        : fail('enum.unknown', `"${text}" is not one of ${field.values.join(' / ')}`, `“${text}”不是允许的取值，应为：${field.values.join('、')}`);
    case 'community_code':
      if (!isCommunityCodeForm(text)) return fail('community.invalid', `"${text}" is not a 12-digit community code`, `“${text}”不是12位社区代码`);
      if (ctx.isKnownCommunity && !ctx.isKnownCommunity(text)) {
        return fail('community.unknown', `community code ${text} is not in the territory`, `社区代码 ${text} 不在本市区划中，请核对`);
      }
      return { ok: true, value: text };
    case 'phone': {
      const phone = parsePhone(text);
      return phone !== undefined
        ? { ok: true, value: phone }
        : fail('phone.invalid', `"${text}" is neither a mobile number (11 digits starting 13 to 19) nor a landline with area code, e.g. 025-84412345`,
          `“${text}”不是有效电话号码：手机号为1开头的11位数字，固定电话需带区号，如 025-84412345`);
    }
    case 'boolean': {
      const value = parseBoolean(text);
      return value !== undefined ? { ok: true, value } : fail('boolean.invalid', `"${text}" is not yes or no (是/否, Y/N, 1/0, true/false)`, `“${text}”应填写“是”或“否”`);
    }
    case 'text':
      return text.length > MAX_TEXT_LENGTH
        ? fail('text.too_long', `${header} is longer than ${MAX_TEXT_LENGTH} characters`, `${header}超过${MAX_TEXT_LENGTH}个字符，请精简`)
        : { ok: true, value: text };
  }
}

/** Validates one data row against the mapped columns; every problem in the row is reported. */
export function validateRow(columns: readonly MappedColumn[], cells: readonly string[], ctx: ValidationContext): RowResult {
  const values: Record<string, FieldValue> = {};
  const problems: RowProblem[] = [];
  for (const column of columns) {
    const result = validateField(column.field, column.header, cells[column.index] ?? '', ctx);
    if (result.ok) values[column.field.key] = result.value;
    else problems.push(result.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
