import { GROUP_SOURCES, INCOME_SOURCES, PROGRAMME_SOURCES, type FieldValue } from '@shouwang/domain';

/** What the registry reads of a record about someone it does not hold, to raise a lead. */
const LEAD_FIELDS = ['residentId', 'name', 'communityCode'] as const;

/**
 * The values of a record the registry projection reads: all of them for the feeds it builds the
 * registry from (the register, deaths, rosters, incomes), only the lead fields for the others.
 * Rows cross from the preparing thread to the storing one with just these.
 */
export function projectedValues(sourceId: string, values: Record<string, FieldValue>): Record<string, FieldValue> {
  if (sourceId === 'household-registration' || sourceId === 'death-record' || GROUP_SOURCES.has(sourceId) || PROGRAMME_SOURCES.has(sourceId) || INCOME_SOURCES.has(sourceId)) {
    return values;
  }
  const kept: Record<string, FieldValue> = {};
  for (const field of LEAD_FIELDS) if (field in values) kept[field] = values[field] ?? null;
  return kept;
}
