/** The city's time zone: every timestamp is shown as Nanjing wall-clock time. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function wallClockOf(date: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const part of wallClock.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-12-04T01:30:00Z` → `2026-12-04 09:30` (Asia/Shanghai). */
export function formatTimestamp(iso: string | null | undefined): string {
  const date = iso ? parse(iso) : null;
  if (!date) return '—';
  const c = wallClockOf(date);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}`;
}

/** Short form for dense displays: `12-04 09:30` (Asia/Shanghai). */
export function formatShortTimestamp(iso: string | null | undefined): string {
  const date = iso ? parse(iso) : null;
  if (!date) return '—';
  const c = wallClockOf(date);
  return `${c.month}-${c.day} ${c.hour}:${c.minute}`;
}

/** The current wall-clock time in the city, `YYYY-MM-DD HH:mm`. */
export function formatNow(now: Date): string {
  return formatTimestamp(now.toISOString());
}
