import { parseResidentId, parseYuanToFen, type SourceField } from '@shouwang/domain';
import type { MappedColumn } from './header-mapping.js';

export type FieldValue = string | number | null;

/** Why a row was refused: which column, what it held, which rule it broke. */
export interface RowProblem {
  readonly column: string;
  readonly value: string;
  /** Stable rule id, e.g. `resident_id.check_digit`. */
  readonly rule: string;
  readonly reason: string;
}

export type RowResult =
  | { ok: true; values: Record<string, FieldValue> }
  | { ok: false; problems: RowProblem[] };

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})(\d{2})(\d{2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** A calendar date in a form departments use, as ISO; undefined when it is not a real date. */
export function parseDepartmentDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  for (const form of DATE_FORMS) {
    const m = form.exec(value);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
    return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

function validateField(field: SourceField, header: string, raw: string, today: string): { value: FieldValue } | RowProblem {
  const text = raw.trim();
  const problem = (rule: string, reason: string): RowProblem => ({ column: header, value: raw, rule, reason });
  if (text === '') {
    return field.required ? problem('required', `${header} is required but empty`) : { value: null };
  }
  switch (field.type) {
    case 'resident_id': {
      const parsed = parseResidentId(text, today);
      return parsed.ok ? { value: parsed.id.number } : problem(`resident_id.${parsed.problem}`, parsed.message);
    }
    case 'date': {
      const iso = parseDepartmentDate(text);
      if (iso === undefined) return problem('date.invalid', `"${text}" is not a real date (expected YYYY-MM-DD)`);
      if (iso > today) return problem('date.future', `${iso} is in the future`);
      if (iso < '1990-01-01') return problem('date.range', `${iso} is before 1990`);
      return { value: iso };
    }
    case 'amount_fen': {
      const parsed = parseYuanToFen(text);
      return parsed.ok ? { value: parsed.fen } : problem('amount.invalid', `"${text}": ${parsed.message}`);
    }
    case 'enum':
      return field.values?.includes(text) ? { value: text } : problem('enum.unknown', `"${text}" is not one of ${field.values?.join(' / ')}`);
    case 'text':
      return text.length > 200 ? problem('text.too_long', `${header} is longer than 200 characters`) : { value: text };
  }
}

/** Validates one data row against the mapped columns; every problem in the row is reported. */
export function validateRow(columns: readonly MappedColumn[], cells: readonly string[], today: string): RowResult {
  const values: Record<string, FieldValue> = {};
  const problems: RowProblem[] = [];
  for (const column of columns) {
    const result = validateField(column.field, column.header, cells[column.index] ?? '', today);
    if ('rule' in result) problems.push(result);
    else values[column.field.key] = result.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
