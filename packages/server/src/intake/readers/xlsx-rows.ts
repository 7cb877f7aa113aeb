import ExcelJS from 'exceljs';
import { refusals, TableReadError } from './table-errors.js';
import type { TableRow } from './table-row.js';
import { orderedWorkbookStream } from './workbook-stream.js';
import { cellText, isDateFormat } from './xlsx-cell.js';
import { workbookInternals, type WorkbookInternals, type WorksheetInternals } from './xlsx-internals.js';
import type { ZipEntry } from './zip-directory.js';

/**
 * Streams the rows of one sheet with exceljs's streaming reader: the sheet's XML is parsed
 * as it is unzipped and never built into a worksheet in memory (the shared strings are,
 * as every cell refers to them by index). exceljs gets the archive reordered, workbook parts
 * first (see `workbook-stream.ts`).
 *
 * Merged cells are not reported in streaming mode (exceljs 4.4 skips `<mergeCell>`, and the
 * merges come after all the rows in the sheet's XML anyway): a merged range reads as its
 * value in the first cell and empty cells after it, which is what the header detection
 * expects. Rows Excel does not store (blank ones) are not seen; row numbers are Excel's.
 */
export async function* readXlsxRows(path: string, entries: readonly ZipEntry[], sheetName: string | undefined): AsyncGenerator<TableRow, void, undefined> {
  const input = orderedWorkbookStream(path, entries);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // for number formats: a date is a number formatted as a date
    hyperlinks: 'ignore', // a hyperlink cell keeps its text
    entries: 'ignore',
  });
  const workbook = workbookInternals(reader);
  const worksheets = reader[Symbol.asyncIterator]();
  let target: string | undefined;
  let found = false;
  try {
    for (;;) {
      const next = await unzipping(() => worksheets.next());
      if (next.done) break;
      const worksheet = next.value as unknown as WorksheetInternals;
      target ??= chooseSheet(workbook, worksheet, sheetName);
      if (worksheet.name !== target) {
        discard(worksheet);
        continue;
      }
      found = true;
      yield* sheetRows(worksheet, workbook);
      break;
    }
  } finally {
    await worksheets.return(undefined);
    input.destroy();
  }
  if (!found) {
    const names = sheetNames(workbook);
    throw sheetName !== undefined && target !== undefined ? refusal(refusals.missingSheet(sheetName, names)) : refusal(refusals.noWorksheet);
  }
}

async function* sheetRows(worksheet: WorksheetInternals, workbook: WorkbookInternals): AsyncGenerator<TableRow, void, undefined> {
  const date1904 = workbook.date1904();
  const localeDateStyles = workbook.localeDateStyles();
  const rows = (worksheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await unzipping(() => rows.next());
      if (next.done) return;
      const row = next.value;
      const cells: string[] = [];
      row.eachCell((cell, column) => {
        while (cells.length < column - 1) cells.push('');
        const isDate = isDateFormat(cell.numFmt) || localeDateStyles.has(cell.style);
        cells.push(cellText(cell.value, { isDate, date1904 }));
      });
      yield { rowNumber: row.number, cells };
    }
  } finally {
    await rows.return?.(); // stopped early: close the sheet's file
  }
}

/** The named sheet, or else the first visible one in the workbook's order (a hidden sheet is usually a lookup list). */
function chooseSheet(workbook: WorkbookInternals, first: WorksheetInternals, sheetName: string | undefined): string {
  const sheets = workbook.sheets();
  if (sheetName !== undefined) {
    if (sheets.length > 0 && !sheets.some((s) => s.name === sheetName)) throw refusal(refusals.missingSheet(sheetName, sheets.map((s) => s.name)));
    return sheetName;
  }
  return (sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0])?.name ?? first.name;
}

function sheetNames(workbook: WorkbookInternals): string[] {
  return workbook.sheets().map((s) => s.name);
}

/** A sheet that is not read: release its file (or zip entry) without parsing it. */
function discard(worksheet: WorksheetInternals): void {
  const source = worksheet.iterator;
  if (source && typeof source === 'object') {
    if ('destroy' in source && typeof source.destroy === 'function') source.destroy();
    else if ('return' in source && typeof source.return === 'function') void Promise.resolve(source.return()).catch(() => undefined);
  }
}

/** exceljs and unzipper fail with their own errors on a damaged file: say so in the department's words. */
async function unzipping<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw refusal(refusals.unreadableWorkbook(error instanceof Error ? error.message : String(error)));
  }
}

function refusal(r: { message: string; messageZh: string }): TableReadError {
  return new TableReadError(r.message, r.messageZh);
}
