import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  hasOfficialSchedule,
  holidayOn,
  isIsoDate,
  isWorkingDay,
  shanghaiDate,
  workingDaysBetween,
} from './calendar.js';
import { PRC_HOLIDAY_SCHEDULES } from './holidays.js';

describe('Shanghai dates', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2024-02-09T15:59:59.999Z'))).toBe('2024-02-09');
    expect(shanghaiDate(new Date('2024-02-09T16:00:00.000Z'))).toBe('2024-02-10');
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across a leap day and a year end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('counts calendar days with a sign', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
  });

  it('recognises only real ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(() => addDays('2025-02-29', 1)).toThrow('not an ISO date');
  });
});

describe('working days', () => {
  it('treats the whole 2025 Spring Festival break as days off, including its weekdays', () => {
    for (let day = '2025-01-28'; day <= '2025-02-04'; day = addDays(day, 1)) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(holidayOn('2025-01-29')).toBe('春节');
    expect(isWorkingDay('2025-01-27')).toBe(true);
    expect(isWorkingDay('2025-02-05')).toBe(true);
  });

  it('counts adjusted weekend days (调休上班) as working days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday
    expect(isWorkingDay('2024-05-11')).toBe(true); // Saturday
    expect(holidayOn('2024-05-11')).toBeUndefined();
    expect(isWorkingDay('2024-05-12')).toBe(false); // the Sunday after stays off
  });

  it('keeps 2024 New Year\'s Eve (除夕, 2024-02-09) a working day as the notice did', () => {
    expect(addWorkingDays('2024-02-08', 1)).toBe('2024-02-09');
    expect(addWorkingDays('2024-02-08', 2)).toBe('2024-02-18');
  });

  it('steps over the 2026 Spring Festival to the adjusted Saturday and beyond', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
  });

  it('counts working days in (a, b] and agrees with addWorkingDays', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-10')).toBe(7);
    expect(addWorkingDays('2025-01-24', 7)).toBe('2025-02-10');
    expect(workingDaysBetween('2025-02-10', '2025-01-24')).toBe(-7);
    expect(workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1); // Friday to Monday
  });

  it('falls back to Monday–Friday for years without a published schedule', () => {
    expect(hasOfficialSchedule(2027)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true); // a Friday; no notice yet
    expect(isWorkingDay('2027-01-02')).toBe(false);
    expect(addWorkingDays('2027-01-01', 1)).toBe('2027-01-04');
  });

  it('rejects a non-integer number of days', () => {
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('holiday table', () => {
  it('lists every period inside its own year, with adjusted workdays on weekends outside any break', () => {
    for (const schedule of PRC_HOLIDAY_SCHEDULES) {
      expect(hasOfficialSchedule(schedule.year)).toBe(true);
      for (const period of schedule.periods) {
        expect(period.from <= period.to, period.name).toBe(true);
        expect(period.from.startsWith(`${schedule.year}-`), period.from).toBe(true);
        expect(period.to.startsWith(`${schedule.year}-`), period.to).toBe(true);
        for (const day of period.adjustedWorkdays) {
          const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
          expect([0, 6], day).toContain(weekday);
          expect(holidayOn(day), day).toBeUndefined();
        }
      }
    }
  });
});
