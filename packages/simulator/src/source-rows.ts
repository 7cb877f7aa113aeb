import { addDays, canonicalHeaders, checkCharacter, type SourceDefinition, type SourceField } from '@shouwang/domain';
import type { DemoCity } from './city.js';
import { Random } from './random.js';

export interface SourceRowOptions {
  readonly seed: number;
  readonly count: number;
  /** ISO date: dates are drawn from the two years before it. */
  readonly today: string;
  /** Share of rows spoiled in one field (bad ID, impossible date, amount not a number). */
  readonly badShare?: number;
}

const TEXT_POOL: Record<string, readonly string[]> = {
  hospital: ['江苏省人民医院', '南京鼓楼医院', '东部战区总医院', '南京市第一医院', '江苏省中医院'],
  employer: ['南京某某科技有限公司', '南京市某某物业管理有限公司', '江苏某某建设集团有限公司', '南京某某餐饮管理有限公司'],
  withholdingAgent: ['南京某某科技有限公司', '南京市某某物业管理有限公司', '江苏某某建设集团有限公司'],
};

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * Rows of any catalogue source for the people of a demo city, as that department would write
 * them: every field filled by its type, record keys unique, cross-field checks respected.
 * Used by benchmarks and tests that need many sources' files; deterministic from the seed.
 */
export function* generateSourceRows(source: SourceDefinition, city: DemoCity, options: SourceRowOptions): Generator<string[]> {
  const random = new Random(options.seed);
  const people = city.households.flatMap((h) => h.members.map((m) => ({ person: m, household: h })));
  const badShare = options.badShare ?? 0;
  const keyFields = new Set(source.recordKey);
  const earliest = addDays(options.today, -720);
  for (let n = 1; n <= options.count; n++) {
    const { person, household } = random.pick(people);
    const values: Record<string, string> = {};
    const cell = (field: SourceField): string => {
      switch (field.type) {
        case 'resident_id': return person.residentId;
        case 'date': return addDays(earliest, random.int(0, 720));
        case 'year_month': return addDays(earliest, random.int(0, 720)).slice(0, 7);
        case 'amount_fen': return yuan(random.int(Math.max(field.min ?? 1_000, 0), Math.min(field.max ?? 5_000_000, 5_000_000)));
        case 'integer': return String(random.int(field.min ?? 1, Math.min(field.max ?? 10, 1_000_000)));
        case 'decimal': return (random.int(2_000, 15_000) / 100).toFixed(Math.min(field.scale, 2));
        case 'percent': return String(random.int(1, 100));
        case 'text': return keyFields.has(field.key) ? `${field.key.slice(0, 2).toUpperCase()}${options.seed}-${n}` : random.pick(TEXT_POOL[field.key] ?? ['示例']);
        case 'enum': return random.pick(field.values);
        case 'community_code': return household.communityCode;
        case 'phone': return `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
        case 'boolean': return random.chance(0.5) ? '是' : '否';
      }
    };
    for (const field of source.fields) values[field.key] = cell(field);
    for (const check of source.checks ?? []) {
      switch (check.kind) {
        case 'date_order': {
          const [a, b] = [values[check.earlier] ?? '', values[check.later] ?? ''];
          if (a && b && b < a) { values[check.earlier] = b; values[check.later] = a; }
          break;
        }
        case 'amount_within': {
          const [part, total] = [Number(values[check.part]), Number(values[check.total])];
          if (part > total) { values[check.part] = values[check.total] as string; values[check.total] = yuan(Math.round(part * 100)); }
          break;
        }
        case 'required_when':
          break;
      }
    }
    if (badShare > 0 && random.chance(badShare)) {
      const idField = source.fields.find((f) => f.type === 'resident_id');
      const dateField = source.fields.find((f) => f.type === 'date');
      const kind = random.int(0, 2);
      if (kind === 0 && idField) {
        const id = values[idField.key] as string;
        const right = checkCharacter(id.slice(0, 17));
        values[idField.key] = id.slice(0, 17) + (right === '0' ? '1' : '0');
      } else if (kind === 1 && dateField) {
        values[dateField.key] = `${options.today.slice(0, 4)}-02-30`;
      } else {
        values[(idField ?? source.fields[0] as SourceField).key] = '';
      }
    }
    yield source.fields.map((f) => values[f.key] ?? '');
  }
}

/** The header row and rows as CSV text lines (CRLF, quoted where needed). */
export function* csvLines(source: SourceDefinition, rows: Iterable<readonly string[]>): Generator<string> {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  yield canonicalHeaders(source).map(quote).join(',') + '\r\n';
  for (const row of rows) yield row.map(quote).join(',') + '\r\n';
}
