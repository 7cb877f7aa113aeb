import iconv from 'iconv-lite';
import { refusals, type Refusal } from './table-errors.js';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads the encoding from the first bytes of a CSV file: a BOM means UTF-8; valid UTF-8 is
 * UTF-8; otherwise GB18030 (a superset of GBK and GB2312, what Chinese spreadsheet software
 * writes) if it decodes without replacement characters. When `head` is only the start of the
 * file, a character cut at its end is not held against it. The rest of the file is checked
 * while it streams (see `chunk-decoder.ts`).
 */
export function detectCsvEncoding(head: Buffer, wholeFile: boolean): { encoding: CsvEncoding } | { refusal: Refusal } {
  const bom = head.subarray(0, 3).equals(UTF8_BOM);
  if (isUtf8(bom ? head.subarray(3) : head, wholeFile)) return { encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (bom) return { refusal: refusals.badBom };
  const decoder = iconv.getDecoder('gb18030');
  const text = decoder.write(head) + (wholeFile ? decoder.end() ?? '' : '');
  return text.includes('\uFFFD') ? { refusal: refusals.unknownEncoding } : { encoding: 'gb18030' };
}

function isUtf8(bytes: Buffer, wholeFile: boolean): boolean {
  try {
    // In streaming mode an incomplete last sequence is kept for a next chunk that never comes.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !wholeFile });
    return true;
  } catch {
    return false;
  }
}
