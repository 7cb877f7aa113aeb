import { composeResidentId } from '../identity/index.js';
import type { SourceDefinition, SourceField } from './source.js';
import { canonicalHeaders } from './source.js';
import type { MappedColumn } from './validate.js';

/** The columns of a file written with the canonical headers in declaration order (templates, JSON records). */
export function canonicalColumns(source: SourceDefinition): MappedColumn[] {
  const headers = canonicalHeaders(source);
  return source.fields.map((field, index) => ({ field, index, header: headers[index] as string }));
}

const EXAMPLE_RESIDENT_ID = composeResidentId('320102', '1968-05-17', 7, 'male');
/** A community of Xuanwu district, Nanjing. */
const EXAMPLE_COMMUNITY = '320102002001';

function exampleCell(field: SourceField): string {
  switch (field.type) {
    case 'resident_id': return EXAMPLE_RESIDENT_ID;
    case 'date': return '2025-03-01';
    case 'year_month': return '2025-03';
    case 'amount_fen': return '1000.00';
    case 'integer': return String(Math.min(Math.max(field.min ?? 1, 1), field.max ?? Number.MAX_SAFE_INTEGER));
    case 'decimal': return field.scale >= 2 ? '89.25' : '89';
    case 'percent': return '35.5%';
    case 'text': return '示例';
    case 'enum': return field.values[0] as string;
    case 'community_code': return EXAMPLE_COMMUNITY;
    case 'phone': return '13812345678';
    case 'boolean': return '是';
  }
}

/**
 * One valid row of `source` under its canonical headers, every field filled: what a template
 * file shows as its example line, and what tests feed through validation.
 */
export function exampleRow(source: SourceDefinition): string[] {
  return source.fields.map(exampleCell);
}
