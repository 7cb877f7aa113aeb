import { ReadReason, type Role } from '@shouwang/contract';

/** The server accepts 1–40 characters after trimming (`PersonSearchQuery.q`). */
export const MAX_QUERY_LENGTH = 40;
export const SEARCH_LIMIT = 20;

export const READ_REASONS: readonly ReadReason[] = ReadReason.options;

/** The search text as the server will see it: trimmed, at most 40 characters; `''` means "no search". */
export function normalizeQuery(value: string | null | undefined): string {
  return (value ?? '').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** `/search?q=…`, or plain `/search` for an empty query. */
export function searchPath(value: string | null | undefined): string {
  const q = normalizeQuery(value);
  return q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search';
}

/** A reason from the URL, or `null` when missing or not one of the contract's values. */
export function parseReadReason(value: string | null | undefined): ReadReason | null {
  const parsed = ReadReason.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The household profile, opened for a stated reason (the server records it with the read). */
export function householdPath(householdId: string, reason: ReadReason): string {
  return `/households/${encodeURIComponent(householdId)}?${new URLSearchParams({ reason }).toString()}`;
}

/** UI only (the API enforces it): who may look people up. */
export function canSearch(role: Role): boolean {
  return role === 'city_admin' || role === 'social_worker';
}

export const PROGRAMMES = ['dibao', 'marginal', 'special_hardship'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/**
 * The contract types `programme` as a free string: a known value, `'none'` for `null`,
 * or `null` for a value this UI does not know (shown as sent).
 */
export function programmeKey(value: string | null): Programme | 'none' | null {
  if (value === null || value === '') return 'none';
  return (PROGRAMMES as readonly string[]).includes(value) ? (value as Programme) : null;
}
