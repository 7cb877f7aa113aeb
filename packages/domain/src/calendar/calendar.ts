/**
 * Dates are ISO calendar dates (`YYYY-MM-DD`) in the city's time zone, Asia/Shanghai
 * (UTC+8 all year, no daylight saving since 1991). Working days (工作日) follow the State
 * Council holiday schedule in `holidays.ts`; deadlines in working days (SLA clocks, legal
 * time limits) are computed here and nowhere else.
 */

import { PRC_HOLIDAY_SCHEDULES } from './holidays.js';

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type DayKind = { readonly kind: 'holiday'; readonly name: string } | { readonly kind: 'adjusted_workday'; readonly name: string };

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return toDayNumber(text) !== undefined;
}

/** Days since 1970-01-01, or undefined when `text` is not a real ISO date. */
function toDayNumber(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function dayNumberOf(date: string): number {
  const n = toDayNumber(date);
  if (n === undefined) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${date}"`);
  return n;
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function requireInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

/** The calendar date in Asia/Shanghai (北京时间) of an instant. */
export function shanghaiDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('shanghaiDate needs a valid Date');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` moved by `n` calendar days (negative moves back). */
export function addDays(date: string, n: number): string {
  requireInteger(n, 'n');
  return fromDayNumber(dayNumberOf(date) + n);
}

/** Calendar days from `a` to `b`: positive when `b` is later, 0 on the same day. */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

const DAY_KINDS: ReadonlyMap<string, DayKind> = buildDayKinds();
const SCHEDULED_YEARS: ReadonlySet<number> = new Set(PRC_HOLIDAY_SCHEDULES.map((s) => s.year));

function buildDayKinds(): Map<string, DayKind> {
  const kinds = new Map<string, DayKind>();
  for (const schedule of PRC_HOLIDAY_SCHEDULES) {
    for (const period of schedule.periods) {
      for (let n = dayNumberOf(period.from); n <= dayNumberOf(period.to); n++) {
        kinds.set(fromDayNumber(n), { kind: 'holiday', name: period.name });
      }
      for (const day of period.adjustedWorkdays) kinds.set(day, { kind: 'adjusted_workday', name: period.name });
    }
  }
  return kinds;
}

/** True when the official holiday schedule of `year` is in the table (otherwise Mon–Fri is assumed). */
export function hasOfficialSchedule(year: number): boolean {
  return SCHEDULED_YEARS.has(year);
}

/** The festival a day off belongs to (e.g. `春节`), or undefined on ordinary days and adjusted workdays. */
export function holidayOn(date: string): string | undefined {
  dayNumberOf(date);
  const kind = DAY_KINDS.get(date);
  return kind?.kind === 'holiday' ? kind.name : undefined;
}

/**
 * Whether `date` is a working day (工作日): Monday–Friday, except official holidays, plus the
 * weekend days worked in exchange (调休上班). Years without a published schedule use Mon–Fri.
 */
export function isWorkingDay(date: string): boolean {
  const n = dayNumberOf(date);
  const kind = DAY_KINDS.get(date);
  if (kind !== undefined) return kind.kind === 'adjusted_workday';
  const weekday = new Date(n * MS_PER_DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative); `date` itself is not
 * counted, so a task received on Friday with 1 working day is due the next working day.
 * `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
  requireInteger(n, 'n');
  const step = n < 0 ? -1 : 1;
  let day = dayNumberOf(date);
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day += step;
    if (isWorkingDay(fromDayNumber(day))) remaining--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the interval (`a`, `b`]: `a` not counted, `b` counted. Negative when `b` is
 * before `a`. For a working day `b`, `addWorkingDays(a, workingDaysBetween(a, b)) === b`.
 */
export function workingDaysBetween(a: string, b: string): number {
  const start = dayNumberOf(a);
  const end = dayNumberOf(b);
  if (end < start) return -workingDaysBetween(b, a);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    if (isWorkingDay(fromDayNumber(day))) count++;
  }
  return count;
}
