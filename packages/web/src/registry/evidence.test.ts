import { describe, expect, it } from 'vitest';
import { evidenceItems, humanizeField } from './evidence';

const vocabulary = {
  separator: '、',
  value: (field: string, value: string) => ({ programme: { dibao: '低保', marginal: '低保边缘' } as Record<string, string> }[field]?.[value] ?? value),
};

describe('evidenceItems', () => {
  it('lists each field once, leaving out the reason, name and source the page shows on their own', () => {
    const items = evidenceItems({ source: 'dibao-roster', name: '王某', reason: 'x', reasonZh: 'y', householdNo: 'DB-2', recordKey: 'DB-2|x' }, vocabulary);
    expect(items).toEqual([
      { field: 'householdNo', text: 'DB-2' },
      { field: 'recordKey', text: 'DB-2|x' },
    ]);
  });

  it('names the values through the vocabulary, also inside lists', () => {
    const items = evidenceItems({ programme: 'dibao', programmes: ['dibao', 'marginal'] }, { ...vocabulary, value: (field, value) => vocabulary.value(field === 'programmes' ? 'programme' : field, value) });
    expect(items.map((i) => i.text)).toEqual(['低保', '低保、低保边缘']);
  });

  it('shows nested objects as readable pairs and empty values as a dash, never as JSON', () => {
    const items = evidenceItems({ other: { householdNo: 'DB-1', since: '2025-01-01' }, diedOn: null, list: [] }, vocabulary);
    expect(items).toEqual([
      { field: 'other', text: 'Household no: DB-1; Since: 2025-01-01' },
      { field: 'diedOn', text: '—' },
      { field: 'list', text: '—' },
    ]);
    expect(items.some((i) => i.text.includes('{'))).toBe(false);
  });
});

describe('humanizeField', () => {
  it('turns a camel-case or snake-case key into words', () => {
    expect(humanizeField('otherRecordKey')).toBe('Other record key');
    expect(humanizeField('died_on')).toBe('Died on');
  });
});
