import { HouseholdProfile, type ReadReason } from '@shouwang/contract';
import { request, withQuery } from '../api/client';

/** An audited read: the server records `reason` with who read which household. */
export function fetchHouseholdProfile(id: string, reason: ReadReason, signal?: AbortSignal): Promise<HouseholdProfile> {
  return request('GET', withQuery(`/api/households/${encodeURIComponent(id)}`, { reason }), {
    schema: HouseholdProfile,
    ...(signal ? { signal } : {}),
  });
}
