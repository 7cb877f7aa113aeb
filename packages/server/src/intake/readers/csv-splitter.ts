const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Far beyond any department cell: a quoted field this long is a quote that never closes, an unquoted one is not CSV. */
export const MAX_FIELD_CHARACTERS = 1_000_000;

export type CsvSplitError = 'quote-not-closed' | 'field-too-long';

/**
 * Splits CSV text into records, chunk by chunk, the way Excel reads a CSV file: fields
 * separated by commas; a field in double quotes may hold commas, line breaks and doubled
 * quotes (""); a quote inside an unquoted field, or text after a closing quote, is kept as
 * it is rather than refused; a record ends at LF, CRLF or CR; an empty line is a record of
 * one empty field, so record numbers stay the row numbers Excel shows.
 *
 * (csv-parse was the first choice. With `relax_column_count` it still builds an error, stack
 * trace and deep copy of the record included, for every record whose field count differs
 * from the first record's, and in a department file the first record is the title: every
 * data row. It read 20,000 such rows a second; this reads more than ten times that.)
 */
export class CsvSplitter {
  private record: string[] = [];
  /** The part of the current field that came in earlier chunks or from inside quotes. */
  private field = '';
  private quoted = false;
  /** Inside quotes, a quote was just read: it closes the field, or it is the first of "". */
  private quoteSeen = false;
  private atFieldStart = true;
  /** The last record ended with CR: a LF right after belongs to it. */
  private afterCr = false;
  private started = false;

  /** Splits the next chunk of text; returns the records it completes. */
  push(text: string): string[][] | CsvSplitError {
    const records: string[][] = [];
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark decoded as text
    }
    const n = text.length;
    let start = i; // the unquoted part of the current field in this chunk starts here
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          start = ++i;
          continue;
        }
      }
      if (this.quoted) {
        if (!this.quoteSeen) {
          const quote = text.indexOf('"', i);
          this.field += text.slice(i, quote < 0 ? n : quote);
          if (this.field.length > MAX_FIELD_CHARACTERS) return 'quote-not-closed';
          if (quote < 0) return records;
          this.quoteSeen = true;
          start = i = quote + 1;
          continue;
        }
        this.quoteSeen = false;
        if (c === QUOTE) {
          this.field += '"';
          start = ++i;
          continue;
        }
        this.quoted = false; // the quote closed the field: read on as unquoted text
        start = i;
      }
      if (c === COMMA) {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        this.atFieldStart = true;
        start = ++i;
      } else if (c === LF || c === CR) {
        this.record.push(this.field + text.slice(start, i));
        records.push(this.record);
        this.record = [];
        this.field = '';
        this.atFieldStart = true;
        this.afterCr = c === CR;
        start = ++i;
      } else if (c === QUOTE && this.atFieldStart) {
        this.quoted = true;
        this.atFieldStart = false;
        start = ++i;
      } else {
        this.atFieldStart = false;
        i++;
      }
    }
    this.field += text.slice(start, n); // a field that goes on in the next chunk
    return this.field.length > MAX_FIELD_CHARACTERS ? 'field-too-long' : records;
  }

  /** The text has ended: returns the last record if it had no line break after it. */
  end(): string[] | undefined | CsvSplitError {
    if (this.quoted && !this.quoteSeen) return 'quote-not-closed';
    if (this.record.length === 0 && this.field === '' && this.atFieldStart) return undefined;
    this.record.push(this.field);
    const last = this.record;
    this.record = [];
    this.field = '';
    this.atFieldStart = true;
    return last;
  }
}
