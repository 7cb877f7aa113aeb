import { open } from 'node:fs/promises';
import { detectCsvEncoding } from './csv-encoding.js';
import { readCsvRows } from './csv-rows.js';
import type { HeaderScore } from './header-block.js';
import { openFromRows, type OpenTableResult } from './opened-table.js';
import { sniffFormat } from './sniff-format.js';
import { readXlsxRows } from './xlsx-rows.js';

export type { OpenedTable, OpenTableResult } from './opened-table.js';
export type { TableRow } from './table-row.js';
export type { HeaderScore } from './header-block.js';
export { HEADER_SCAN_ROWS } from './header-block.js';
export { MalformedCsvError, TableReadError, UndecodableError } from './table-errors.js';

export interface OpenTableOptions {
  /** The sheet to read in a workbook; by default the first visible one. Ignored for CSV. */
  readonly sheet?: string;
  /** Scores a candidate header row: how many of the source's known column names it contains. */
  readonly expectedHeaders: HeaderScore;
}

/**
 * Opens a department file for streaming, whatever it is: CSV in UTF-8 (with or without BOM)
 * or GBK/GB18030, or an .xlsx workbook, told apart by their bytes. Finds the header below any
 * title rows, resolving a two-level merged header, and refuses (as a value, with a message
 * in English and Chinese) what cannot be read: an empty file, an old .xls, an unknown
 * encoding, a missing sheet, a file with no recognisable header.
 */
export async function openTable(path: string, options: OpenTableOptions): Promise<OpenTableResult> {
  const file = await open(path, 'r');
  let sniffed;
  try {
    sniffed = await sniffFormat(file);
  } finally {
    await file.close();
  }
  switch (sniffed.format) {
    case 'refused':
      return { ok: false, ...sniffed.refusal };
    case 'xlsx':
      return openFromRows('xlsx', 'xlsx', readXlsxRows(path, sniffed.entries, options.sheet), options.expectedHeaders);
    case 'csv': {
      const detected = detectCsvEncoding(sniffed.head, sniffed.wholeFile);
      if ('refusal' in detected) return { ok: false, ...detected.refusal };
      return openFromRows('csv', detected.encoding, readCsvRows(path, detected.encoding), options.expectedHeaders);
    }
  }
}
