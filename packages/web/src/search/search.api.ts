import { PersonSearchResult } from '@shouwang/contract';
import { request, withQuery } from '../api/client';
import { SEARCH_LIMIT } from './query';

export function searchPersons(q: string, signal?: AbortSignal): Promise<PersonSearchResult> {
  return request('GET', withQuery('/api/persons/search', { q, limit: SEARCH_LIMIT }), {
    schema: PersonSearchResult,
    ...(signal ? { signal } : {}),
  });
}
