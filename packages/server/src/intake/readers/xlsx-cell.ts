import type { CellValue } from 'exceljs';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_TO_UNIX = 25_569;
/** The 1904 date system (old Mac Excel) counts from 1904-01-01. */
const DATE_1904_OFFSET = 1_462;
/** 1900-01-01T00:00:00Z: an earlier "date" is a time of day alone (a serial below 1). */
const EXCEL_DAY_ONE_SECONDS = -2_208_988_800;

/** Excel shows at most 15 significant digits; beyond that the binary value carries noise, not data. */
const numberText = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

export interface CellContext {
  /** The cell's number format shows a date or time, so its number is an Excel date serial. */
  readonly isDate: boolean;
  readonly date1904: boolean;
}

/**
 * The text of a cell as the department means it: rich text joined, a formula's cached result,
 * a hyperlink's text, an error (#N/A, #DIV/0!) as empty, a boolean as TRUE/FALSE, a date as an
 * ISO date (`YYYY-MM-DD`, or `YYYY-MM-DD HH:mm:ss` when it has a time of day).
 *
 * Numbers come out as written, without binary noise: 12.3 is "12.3", not "12.300000000000001".
 * Excel itself keeps only 15 significant digits, so a number of up to 15 digits is exact, but
 * an 18-digit resident ID typed into a cell formatted as a number has already lost its last
 * digits inside the file (320102199001011234 is stored as 320102199001011000) and its check
 * digit will fail: resident IDs must be stored as text in the department's workbook.
 */
export function cellText(value: CellValue, context: CellContext): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return context.isDate ? isoDateTime(excelSerialToDate(value, context.date1904)) : formatNumber(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    default:
      break;
  }
  if (value instanceof Date) return isoDateTime(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result, context);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, context);
  return ''; // e.g. { sharedString } when the workbook has no shared-strings part to resolve it
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return ''; // an error result (#N/A) read as a number
  // The shortest text that reads back as the same number: exact when it has 15 digits or fewer.
  const shortest = String(value);
  if (shortest.length <= 15 && !shortest.includes('e')) return shortest;
  return Number.isSafeInteger(value) ? shortest : numberText.format(value);
}

export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date((serial - EXCEL_EPOCH_TO_UNIX + (date1904 ? DATE_1904_OFFSET : 0)) * MS_PER_DAY);
}

/**
 * Excel dates have no time zone: exceljs puts the wall-clock reading in UTC, so it is read
 * back in UTC. Rounded to the second, as a serial is a fraction of a day (12:30 can be
 * 12:29:59.9999). A serial below 1 is a time of day alone.
 */
export function isoDateTime(date: Date): string {
  const seconds = Math.round(date.getTime() / 1000);
  if (!Number.isFinite(seconds)) return '';
  const iso = new Date(seconds * 1000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const time = iso.slice(11, 19);
  if (seconds < EXCEL_DAY_ONE_SECONDS) return time;
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** The test exceljs applies, plus backslash escapes: a format with y, m, d, h or s outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare);
}
