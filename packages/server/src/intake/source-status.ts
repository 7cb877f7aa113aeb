import { SOURCES, canonicalHeaders } from '@shouwang/domain';
import type { SourceStatusList } from '@shouwang/contract';
import type { Db } from '../db/database.js';
import { IntakeRepository } from './intake.repository.js';
import { presentBatch } from './intake.presenter.js';

const DAY_MS = 86_400_000;

/** The intake monitor: each source's last delivery, 30-day totals and freshness against its cadence. */
export async function sourceStatuses(db: Db, now: Date): Promise<SourceStatusList> {
  const intake = new IntakeRepository(db.kysely);
  const activity = new Map((await intake.sourceActivity(new Date(now.getTime() - 30 * DAY_MS).toISOString())).map((a) => [a.source_id, a]));
  const items = await Promise.all(SOURCES.map(async (s) => {
    const a = activity.get(s.id);
    const last = await intake.latestBatch(s.id);
    const lastDeliveryAt = a?.last_received ?? null;
    // One day of grace beyond the cadence; a source that never delivered is overdue.
    const overdue = lastDeliveryAt === null || now.getTime() - Date.parse(lastDeliveryAt) > (s.cadenceDays + 1) * DAY_MS;
    return {
      id: s.id, department: s.department, name: s.name, columns: canonicalHeaders(s), cadenceDays: s.cadenceDays,
      lastDeliveryAt, lastBatch: last ? presentBatch(last) : null, overdue,
      batches30d: a?.batches ?? 0, accepted30d: a?.accepted ?? 0, rejected30d: a?.rejected ?? 0, unchanged30d: a?.unchanged ?? 0,
    };
  }));
  return { items, asOf: now.toISOString() };
}
