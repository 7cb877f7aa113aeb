import { findHeaderBlock, HEADER_SCAN_ROWS, type HeaderScore } from './header-block.js';
import { refusals, TableReadError, type Refusal } from './table-errors.js';
import { isBlankRow, type TableRow } from './table-row.js';

export interface OpenedTable {
  readonly format: 'csv' | 'xlsx';
  /** `utf-8`, `utf-8-bom` or `gb18030` for CSV; `xlsx` for a workbook. */
  readonly encoding: string;
  /** The resolved column names, one per column index (two-level headers already resolved). */
  readonly header: readonly string[];
  /** The last row of the header block; data rows follow it. */
  readonly headerRowNumber: number;
  /**
   * The data rows after the header, wholly blank rows skipped, streamed from the file: call it
   * once. `after` resumes after that row number. Throws a `TableReadError` (`UndecodableError`,
   * `MalformedCsvError`, a damaged workbook) with the row, when the file turns out unreadable
   * part-way: refuse the whole file then, nothing read before it should be applied.
   */
  rows(options?: { after?: number }): AsyncIterable<TableRow>;
  /**
   * Releases the file when `rows()` will not be iterated to its end, e.g. the header does not
   * map to the source (iterating to the end, or breaking out of the loop, releases it too).
   * Optional so that tables made from other inputs (JSON deliveries) need not hold a file.
   */
  close?(): Promise<void>;
}

export type OpenTableResult =
  | { ok: true; table: OpenedTable }
  | { ok: false; message: string; messageZh: string };

/**
 * Reads rows until the header is found (at most the first `HEADER_SCAN_ROWS`), then hands
 * out a table whose `rows()` carries on from the same stream: the rows read while looking
 * for the header are kept, the rest are never all in memory.
 */
export async function openFromRows(
  format: OpenedTable['format'],
  encoding: string,
  source: AsyncGenerator<TableRow, void, undefined>,
  expectedHeaders: HeaderScore,
): Promise<OpenTableResult> {
  const scanned: TableRow[] = [];
  let ended = false;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      scanned.push(next.value);
      if (next.value.rowNumber > HEADER_SCAN_ROWS) break;
    }
  } catch (error) {
    await source.return();
    if (error instanceof TableReadError) return refused(error);
    throw error;
  }
  const header = findHeaderBlock(scanned.filter((row) => row.rowNumber <= HEADER_SCAN_ROWS), expectedHeaders);
  if (!header) {
    await source.return();
    return refused(refusals.noHeader);
  }
  const pending = scanned.filter((row) => row.rowNumber > header.lastRowNumber);
  return { ok: true, table: new StreamedTable(format, encoding, header.names, header.lastRowNumber, pending, ended ? undefined : source) };
}

class StreamedTable implements OpenedTable {
  private started = false;

  constructor(
    readonly format: OpenedTable['format'],
    readonly encoding: string,
    readonly header: readonly string[],
    readonly headerRowNumber: number,
    private pending: TableRow[],
    private readonly rest: AsyncGenerator<TableRow, void, undefined> | undefined,
  ) {}

  rows(options: { after?: number } = {}): AsyncIterable<TableRow> {
    if (this.started) throw new Error('rows() of an opened table can be read only once');
    this.started = true;
    const pending = this.pending;
    this.pending = [];
    return dataRows(pending, this.rest, options.after ?? 0);
  }

  async close(): Promise<void> {
    this.pending = [];
    await this.rest?.return();
  }
}

async function* dataRows(
  pending: readonly TableRow[],
  rest: AsyncGenerator<TableRow, void, undefined> | undefined,
  after: number,
): AsyncGenerator<TableRow, void, undefined> {
  try {
    for (const row of pending) {
      if (row.rowNumber > after && !isBlankRow(row)) yield row;
    }
    if (!rest) return;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      if (next.value.rowNumber > after && !isBlankRow(next.value)) yield next.value;
    }
  } finally {
    await rest?.return(); // the caller stopped early, or the file failed: release it
  }
}

function refused(reason: Refusal): OpenTableResult {
  return { ok: false, message: reason.message, messageZh: reason.messageZh };
}
