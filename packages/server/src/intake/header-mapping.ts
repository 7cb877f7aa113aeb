import { headerForms, normaliseHeader, type MappedColumn, type SourceDefinition, type SourceField } from '@shouwang/domain';

export type HeaderMapping =
  | { ok: true; columns: MappedColumn[]; ignored: string[] }
  | { ok: false; message: string; messageZh: string };

const indexes = new WeakMap<SourceDefinition, Map<string, SourceField>>();

/** Normalised header form → field, once per source definition. */
function headerIndex(source: SourceDefinition): Map<string, SourceField> {
  let index = indexes.get(source);
  if (!index) {
    index = new Map();
    for (const field of source.fields) for (const form of headerForms(field)) index.set(form, field);
    indexes.set(source, index);
  }
  return index;
}

/** Matches the file's header row to the source's fields, accepting each field's known variants. */
export function mapHeaders(source: SourceDefinition, headerRow: readonly string[]): HeaderMapping {
  const byHeader = headerIndex(source);
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
  const index = headerIndex(source);
  return candidate.filter((cell) => index.has(normaliseHeader(cell))).length;
}
