import type { SourceDefinition, SourceField } from './source.js';

/**
 * How a file's header cell is compared with a source's header variants. Department
 * spreadsheets mix full-width brackets and stray spaces; NFKC also folds ㎡ into m2.
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').toLowerCase();
}

/** The normalised forms a field answers to: each variant, and each variant without its (元) unit. */
export function headerForms(field: SourceField): Set<string> {
  const forms = new Set<string>();
  for (const h of field.headers) {
    const normalised = normaliseHeader(h);
    forms.add(normalised);
    forms.add(normalised.replace(/\(元\)$/, ''));
  }
  return forms;
}

/** The required fields of `source` that no cell of `headerRow` names: empty when the row can be this source. */
export function missingRequiredFields(source: SourceDefinition, headerRow: readonly string[]): SourceField[] {
  const cells = new Set(headerRow.map(normaliseHeader));
  return source.fields.filter((f) => f.required && ![...headerForms(f)].some((form) => cells.has(form)));
}
