/**
 * The official public-holiday schedule (法定节假日放假调休安排) published each year by the
 * General Office of the State Council (国务院办公厅). Each period lists the days off
 * (放假, weekends inside the break included) and the weekend days that become working days
 * in exchange (调休上班).
 *
 * Add a year when its notice is published (usually October–November of the year before).
 * Years not listed fall back to Monday–Friday in `calendar.ts`.
 */

export interface HolidayPeriod {
  /** Name of the festival as the notice writes it, e.g. `春节`. */
  readonly name: string;
  /** First day off, ISO date. */
  readonly from: string;
  /** Last day off (inclusive), ISO date. */
  readonly to: string;
  /** Weekend days worked in exchange for this break (调休上班). */
  readonly adjustedWorkdays: readonly string[];
}

export interface HolidaySchedule {
  readonly year: number;
  /** The notice the data was copied from. */
  readonly notice: string;
  readonly periods: readonly HolidayPeriod[];
}

export const PRC_HOLIDAY_SCHEDULES: readonly HolidaySchedule[] = [
  {
    year: 2024,
    notice: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    periods: [
      // The break started on 2023-12-30; only the 2024 part is listed.
      { name: '元旦', from: '2024-01-01', to: '2024-01-01', adjustedWorkdays: [] },
      { name: '春节', from: '2024-02-10', to: '2024-02-17', adjustedWorkdays: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06', adjustedWorkdays: ['2024-04-07'] },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05', adjustedWorkdays: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10', adjustedWorkdays: [] },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17', adjustedWorkdays: ['2024-09-14'] },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07', adjustedWorkdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    periods: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', adjustedWorkdays: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', adjustedWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', adjustedWorkdays: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', adjustedWorkdays: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', adjustedWorkdays: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', adjustedWorkdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    periods: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', adjustedWorkdays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', adjustedWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', adjustedWorkdays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', adjustedWorkdays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', adjustedWorkdays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', adjustedWorkdays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', adjustedWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
