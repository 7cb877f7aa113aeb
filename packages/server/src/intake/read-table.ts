import { parse } from 'csv-parse/sync';

export type TableResult =
  | { ok: true; header: string[]; rows: string[][] }
  | { ok: false; message: string };

/** Splits decoded CSV text into a header row and data rows, refusing what is not a table. */
export function readCsvTable(text: string): TableResult {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: false, bom: true }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the file is not valid CSV: ${message}` };
  }
  // Rows that are entirely blank (e.g. ",,,," left by spreadsheet software) are not data.
  const nonBlank = records.filter((r) => r.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = nonBlank;
  if (!header) return { ok: false, message: 'the file is empty: no header row and no data' };
  if (rows.length === 0) return { ok: false, message: 'the file has a header row but no data rows' };
  return { ok: true, header: header.map((h) => h.trim()), rows };
}
