import type { SourceDefinition, SourceField } from '@shouwang/domain';

export interface MappedColumn {
  readonly field: SourceField;
  readonly index: number;
  /** The header as it appears in the file. */
  readonly header: string;
}

export type HeaderMapping =
  | { ok: true; columns: MappedColumn[]; ignored: string[] }
  | { ok: false; message: string; messageZh: string };

/** Full-width brackets and spaces are common in department spreadsheets: compare without them. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').toLowerCase();
}

/** Matches the file's header row to the source's fields, accepting each field's known variants. */
export function mapHeaders(source: SourceDefinition, headerRow: readonly string[]): HeaderMapping {
  const byHeader = new Map<string, SourceField>();
  for (const field of source.fields) {
    for (const h of field.headers) {
      byHeader.set(normaliseHeader(h), field);
      byHeader.set(normaliseHeader(h.replace(/\(元\)$/, '')), field);
    }
  }
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  for (const [index, header] of headerRow.entries()) {
    const field = byHeader.get(normaliseHeader(header));
    if (!field) {
      if (header.trim() !== '') ignored.push(header);
      continue;
    }
    const earlier = seen.get(field.key);
    if (earlier !== undefined) {
      return {
        ok: false,
        message: `columns "${earlier}" and "${header}" both mean ${field.headers[0]}; keep one of them`,
        messageZh: `“${earlier}”和“${header}”两列都表示${field.headers[0]}，请只保留一列`,
      };
    }
    seen.set(field.key, header);
    columns.push({ field, index, header });
  }
  const missing = source.fields.filter((f) => f.required && !seen.has(f.key));
  if (missing.length > 0) {
    const found = headerRow.filter((h) => h.trim() !== '').join('、') || '(none)';
    return {
      ok: false,
      message: `this is not a ${source.name} file: required column(s) ${missing.map((f) => `"${f.headers[0]}"`).join(', ')} missing; columns found: ${found}`,
      messageZh: `这不是“${source.name}”文件：缺少必填列 ${missing.map((f) => `“${f.headers[0]}”`).join('、')}；文件中的列：${found}`,
    };
  }
  return { ok: true, columns, ignored };
}

/** How many cells of a candidate header row are column names of this source: picks the header row. */
export function headerScore(source: SourceDefinition, candidate: readonly string[]): number {
  const known = new Set(source.fields.flatMap((f) => f.headers.flatMap((h) => [normaliseHeader(h), normaliseHeader(h.replace(/\(元\)$/, ''))])));
  return candidate.filter((cell) => known.has(normaliseHeader(cell))).length;
}
