import type { BatchSummary } from '@shouwang/contract';
import type { SourceStatus } from './intake.api';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `never`: nothing received yet; `overdue`: the server says the cadence (plus grace) has passed. */
export type Freshness = 'never' | 'overdue' | 'on_time';

export function freshnessOf(source: Pick<SourceStatus, 'lastDeliveryAt' | 'overdue'>): Freshness {
  if (source.lastDeliveryAt === null) return 'never';
  return source.overdue ? 'overdue' : 'on_time';
}

/** How long ago, in the largest whole unit: `{ unit: 'days', count: 3 }`. */
export type Age = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

export function ageOf(at: string, asOf: string | Date): Age {
  const now = typeof asOf === 'string' ? Date.parse(asOf) : asOf.getTime();
  const elapsed = now - Date.parse(at);
  if (!Number.isFinite(elapsed) || elapsed < MINUTE_MS) return { unit: 'now' };
  if (elapsed < HOUR_MS) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE_MS) };
  if (elapsed < DAY_MS) return { unit: 'hours', count: Math.floor(elapsed / HOUR_MS) };
  return { unit: 'days', count: Math.floor(elapsed / DAY_MS) };
}

/** Days past the expected delivery (0 when on time), for ordering the overdue among themselves. */
export function daysLate(source: Pick<SourceStatus, 'lastDeliveryAt' | 'cadenceDays'>, asOf: string): number {
  if (source.lastDeliveryAt === null) return 0;
  const elapsed = (Date.parse(asOf) - Date.parse(source.lastDeliveryAt)) / DAY_MS;
  return Number.isFinite(elapsed) ? Math.max(0, elapsed - source.cadenceDays) : 0;
}

const RANK: Record<Freshness, number> = { overdue: 0, never: 1, on_time: 2 };

/**
 * Overdue first (the latest-running first), then never delivered, then on time; ties keep the
 * server's (catalogue) order.
 */
export function sortSources<T extends SourceStatus>(sources: readonly T[], asOf: string): T[] {
  return sources
    .map((source, index) => ({ source, index, rank: RANK[freshnessOf(source)], late: daysLate(source, asOf) }))
    .sort((a, b) => a.rank - b.rank || b.late - a.late || a.index - b.index)
    .map((entry) => entry.source);
}

export interface DepartmentGroup<T> {
  department: string;
  sources: T[];
  overdue: number;
}

/** Sources by department, in the order the (already sorted) sources first name each department. */
export function groupByDepartment<T extends SourceStatus>(sources: readonly T[]): DepartmentGroup<T>[] {
  const groups = new Map<string, DepartmentGroup<T>>();
  for (const source of sources) {
    let group = groups.get(source.department);
    if (!group) {
      group = { department: source.department, sources: [], overdue: 0 };
      groups.set(source.department, group);
    }
    group.sources.push(source);
    if (source.overdue) group.overdue++;
  }
  return [...groups.values()];
}

/** Case- and width-insensitive match of a search box against the words shown for a source. */
export function matchesSearch(search: string, words: readonly string[]): boolean {
  const needle = search.normalize('NFKC').trim().toLowerCase();
  if (!needle) return true;
  return words.some((word) => word.normalize('NFKC').toLowerCase().includes(needle));
}

/** Rows applied so far out of the file's rows; `null` while the file is still being read through. */
export function applyProgress(batch: Pick<BatchSummary, 'totalRows' | 'rows'>): { done: number; total: number; percent: number } | null {
  if (batch.totalRows === null) return null;
  const total = Math.max(0, batch.totalRows);
  const done = Math.min(total, Math.max(0, batch.rows));
  return { done, total, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
}

export const FINAL_STATUSES: ReadonlySet<BatchSummary['status']> = new Set(['applied', 'refused', 'duplicate']);
