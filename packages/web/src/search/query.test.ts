import { describe, expect, it } from 'vitest';
import { canSearch, householdPath, normalizeQuery, parseReadReason, programmeKey, READ_REASONS, searchPath } from './query';

describe('normalizeQuery', () => {
  it('trims and caps the query at 40 characters', () => {
    expect(normalizeQuery('  张建国 ')).toBe('张建国');
    expect(normalizeQuery('a'.repeat(50))).toHaveLength(40);
    expect(normalizeQuery(null)).toBe('');
    expect(normalizeQuery('   ')).toBe('');
  });
});

describe('searchPath', () => {
  it('puts the query in the URL, encoded', () => {
    expect(searchPath('zjg')).toBe('/search?q=zjg');
    expect(new URLSearchParams(searchPath('中山路 12号&x').split('?')[1]).get('q')).toBe('中山路 12号&x');
    expect(new URLSearchParams(searchPath(' 1234 ').split('?')[1]).get('q')).toBe('1234');
  });
  it('drops an empty query', () => {
    expect(searchPath('  ')).toBe('/search');
  });
});

describe('parseReadReason', () => {
  it('accepts the contract values only', () => {
    expect(parseReadReason('home_visit')).toBe('home_visit');
    expect(parseReadReason('curiosity')).toBeNull();
    expect(parseReadReason(null)).toBeNull();
  });
  it('lists all six reasons', () => {
    expect(READ_REASONS).toEqual(['home_visit', 'warning_follow_up', 'verification', 'application', 'hotline', 'data_quality']);
  });
});

describe('householdPath', () => {
  it('carries the reason in the query string', () => {
    expect(householdPath('h/1', 'hotline')).toBe('/households/h%2F1?reason=hotline');
  });
});

describe('canSearch', () => {
  it('lets the city admin and social workers search, not the screen viewer', () => {
    expect(canSearch('city_admin')).toBe(true);
    expect(canSearch('social_worker')).toBe(true);
    expect(canSearch('screen_viewer')).toBe(false);
  });
});

describe('programmeKey', () => {
  it('maps known programmes, null to none, and unknown values to null', () => {
    expect(programmeKey('dibao')).toBe('dibao');
    expect(programmeKey('special_hardship')).toBe('special_hardship');
    expect(programmeKey(null)).toBe('none');
    expect(programmeKey('五保')).toBeNull();
  });
});
