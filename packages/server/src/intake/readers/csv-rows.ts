import { createReadStream } from 'node:fs';
import { chunkDecoder } from './chunk-decoder.js';
import type { CsvEncoding } from './csv-encoding.js';
import { CsvSplitter, type CsvSplitError } from './csv-splitter.js';
import { MalformedCsvError, UndecodableError } from './table-errors.js';
import type { TableRow } from './table-row.js';

const ENCODING_LABEL: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', gb18030: 'GBK/GB18030' };
const CHUNK_BYTES = 256 * 1024;

/**
 * Streams the records of a CSV file, blank ones included so that row numbers match what Excel
 * shows (a quoted field may span lines; it is still one row). Throws `UndecodableError` at the
 * row holding the first undecodable byte, after the rows before it, and `MalformedCsvError`
 * at a row that cannot be split into fields.
 */
export async function* readCsvRows(path: string, encoding: CsvEncoding): AsyncGenerator<TableRow, void, undefined> {
  const decoder = chunkDecoder(encoding);
  const splitter = new CsvSplitter();
  let rowNumber = 0;
  const input = createReadStream(path, { start: encoding === 'utf-8-bom' ? 3 : 0, highWaterMark: CHUNK_BYTES });
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const { text, failed } = decoder.decode(chunk);
    const records = splitter.push(text);
    if (typeof records === 'string') throw malformed(rowNumber + 1, records);
    for (const cells of records) yield { rowNumber: ++rowNumber, cells };
    if (failed) throw new UndecodableError(rowNumber + 1, ENCODING_LABEL[encoding]);
  }
  const { text, failed } = decoder.end();
  const records = splitter.push(text);
  if (typeof records === 'string') throw malformed(rowNumber + 1, records);
  for (const cells of records) yield { rowNumber: ++rowNumber, cells };
  if (failed) throw new UndecodableError(rowNumber + 1, ENCODING_LABEL[encoding]);
  const last = splitter.end();
  if (typeof last === 'string') throw malformed(rowNumber + 1, last);
  if (last) yield { rowNumber: ++rowNumber, cells: last };
}

function malformed(rowNumber: number, error: CsvSplitError): MalformedCsvError {
  switch (error) {
    case 'quote-not-closed':
      return new MalformedCsvError(rowNumber, 'a quoted field never closes', '引号未闭合');
    case 'field-too-long':
      return new MalformedCsvError(rowNumber, 'a field is longer than a million characters', '某个字段超过一百万个字符');
  }
}
