import type { MappedColumn } from './header-mapping.js';
import type { FieldValue, RowProblem } from './validate-row.js';

/** Checks across fields of one row that a single field's type cannot express. */
export function crossCheck(sourceId: string, values: Readonly<Record<string, FieldValue>>, columns: readonly MappedColumn[]): RowProblem[] {
  const header = (key: string) => columns.find((c) => c.field.key === key)?.header ?? key;
  switch (sourceId) {
    case 'medical-settlement': {
      const total = Number(values.totalFen);
      const outOfPocket = Number(values.outOfPocketFen);
      const reimbursed = Number(values.reimbursedFen);
      const problems: RowProblem[] = [];
      if (outOfPocket > total) {
        problems.push({ column: header('outOfPocketFen'), value: String(outOfPocket / 100), rule: 'amount.exceeds_total',
          reason: `out-of-pocket ${outOfPocket / 100} is more than the total ${total / 100}` });
      }
      if (reimbursed > total) {
        problems.push({ column: header('reimbursedFen'), value: String(reimbursed / 100), rule: 'amount.exceeds_total',
          reason: `reimbursed ${reimbursed / 100} is more than the total ${total / 100}` });
      }
      return problems;
    }
    default:
      return [];
  }
}
