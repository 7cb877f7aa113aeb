/** Fields every issue carries that the page shows on their own (with the source's batch and row), not among the evidence. */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['reason', 'reasonZh', 'name', 'source']);

export interface EvidenceVocabulary {
  /** One scalar value of a field in the reader's words, e.g. a programme's name for `programme`. */
  value: (field: string, value: string) => string;
  /** Between the items of a list: `、` in Chinese, `, ` in English. */
  separator: string;
}

export interface EvidenceItem {
  field: string;
  text: string;
}

/** `otherHouseholdNo` → `Other household no`: a readable label for a field no vocabulary names. */
export function humanizeField(field: string): string {
  const words = field.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function textOf(field: string, value: unknown, vocabulary: EvidenceVocabulary): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => textOf(field, v, vocabulary)).join(vocabulary.separator);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${humanizeField(key)}: ${textOf(key, v, vocabulary)}`)
      .join('; ');
  }
  if (typeof value === 'string') return vocabulary.value(field, value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return vocabulary.value(field, String(value));
  return '—';
}

/**
 * A data-quality issue's evidence (an object of masked values) as label/text pairs for a
 * description list: lists joined, nested objects flattened to `key: value`, never JSON.
 */
export function evidenceItems(evidence: Readonly<Record<string, unknown>>, vocabulary: EvidenceVocabulary): EvidenceItem[] {
  return Object.entries(evidence)
    .filter(([field]) => !SHOWN_ELSEWHERE.has(field))
    .map(([field, value]) => ({ field, text: textOf(field, value, vocabulary) }));
}
