/**
 * Checks across the fields of one row that no single field's type can express: an end date
 * before its start, an amount above its total, a status that needs a date. They are declared
 * in each source (`SourceDefinition.checks`) and run after the row's cells are valid.
 */

import { formatFen } from '../money/index.js';
import { sourceById } from './catalogue.js';
import type { RowCheck, SourceDefinition } from './source.js';
import type { FieldValue, MappedColumn, RowProblem } from './validate.js';

type Values = Readonly<Record<string, FieldValue>>;

const yuan = (fen: number) => formatFen(fen).replaceAll(',', '');

function checkRow(check: RowCheck, values: Values, header: (key: string) => string): RowProblem | undefined {
  switch (check.kind) {
    case 'date_order': {
      const earlier = values[check.earlier];
      const later = values[check.later];
      if (typeof earlier !== 'string' || typeof later !== 'string' || later >= earlier) return undefined;
      const [e, l] = [header(check.earlier), header(check.later)];
      return {
        column: l, value: later, rule: 'date.end_before_start',
        reason: `${l} ${later} is before ${e} ${earlier}`,
        reasonZh: `${l} ${later} 早于${e} ${earlier}，请核对两个日期`,
      };
    }
    case 'amount_within': {
      const part = values[check.part];
      const total = values[check.total];
      if (typeof part !== 'number' || typeof total !== 'number' || part <= total) return undefined;
      const [p, t] = [header(check.part), header(check.total)];
      return {
        column: p, value: yuan(part), rule: 'amount.exceeds_total',
        reason: `${p} ${yuan(part)} is more than ${t} ${yuan(total)}`,
        reasonZh: `${p} ${yuan(part)} 元超过${t} ${yuan(total)} 元`,
      };
    }
    case 'required_when': {
      const value = values[check.field];
      if (values[check.when] !== check.equals || (value !== null && value !== undefined)) return undefined;
      const [f, w] = [header(check.field), header(check.when)];
      const shown = typeof check.equals === 'boolean' ? (check.equals ? '是' : '否') : check.equals;
      return {
        column: f, value: '', rule: 'required.conditional',
        reason: `${f} is required when ${w} is ${shown}`,
        reasonZh: `${w}为“${shown}”时，${f}不能为空`,
      };
    }
  }
}

/**
 * The cross-field problems of one row whose cells are already valid. `source` is a source id
 * of the catalogue or a definition; an unknown id has no checks.
 */
export function crossCheck(source: string | SourceDefinition, values: Values, columns: readonly MappedColumn[]): RowProblem[] {
  const definition = typeof source === 'string' ? sourceById(source) : source;
  const header = (key: string) => columns.find((c) => c.field.key === key)?.header ?? definition?.fields.find((f) => f.key === key)?.headers[0] ?? key;
  const problems: RowProblem[] = [];
  for (const check of definition?.checks ?? []) {
    const problem = checkRow(check, values, header);
    if (problem) problems.push(problem);
  }
  return problems;
}
