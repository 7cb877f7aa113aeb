import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-directory.js';

const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The workbook as exceljs's streaming reader should receive it: the same archive records,
 * copied byte for byte, in a safer order, without the parts it does not read.
 *
 * exceljs 4.4 reads the ZIP in one pass, in stored order, and has two faults this works
 * around (they match exceljs issues #683 and #3064):
 * - the unzipper it uses (0.10, lib/parse.js) emits 'end' as soon as its input is written,
 *   while entries may still wait in its buffer: small entries at the end of the archive are
 *   then silently lost. When that is xl/sharedStrings.xml (Excel stores it near the end),
 *   every text cell reads as an index; when it is xl/workbook.xml (exceljs stores it last),
 *   sheet names are lost. A padding entry now comes last, too large to buffer.
 * - sheets stored before the shared strings (as Excel and exceljs store them) are unzipped
 *   to temporary files and parsed only after the whole archive. With the workbook parts
 *   first, sheets are parsed straight from the archive as it streams.
 * Images, drawings, themes and document properties are left out: they are never read.
 */
export function orderedWorkbookStream(path: string, entries: readonly ZipEntry[]): Readable {
  const parts = WORKBOOK_PARTS.flatMap((name) => entries.filter((e) => e.name === name));
  const sheets = entries.filter((e) => WORKSHEET.test(e.name));
  const hasSharedStrings = parts.some((e) => e.name === 'xl/sharedStrings.xml');
  async function* archive(): AsyncGenerator<Buffer> {
    for (const entry of parts) yield* copy(path, entry);
    // Without a shared-strings part exceljs would also unzip the sheets to temporary files first.
    if (!hasSharedStrings) yield EMPTY_SHARED_STRINGS;
    for (const entry of sheets) yield* copy(path, entry);
    yield PADDING;
    yield END_OF_ARCHIVE;
  }
  return Readable.from(archive(), { objectMode: false });
}

async function* copy(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.end <= entry.start) return;
  for await (const chunk of createReadStream(path, { start: entry.start, end: entry.end - 1, highWaterMark: 256 * 1024 })) {
    yield chunk as Buffer;
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A local file record, deflated, with sizes and CRC in the header (no data descriptor). */
function localEntry(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const data = deflateRawSync(content);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

const EMPTY_SHARED_STRINGS = localEntry('xl/sharedStrings.xml', Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
/** 512 KiB of zeros, under 1 KB deflated: far beyond the few tens of KB the unzipper buffers. */
const PADDING = localEntry('shouwang/padding.bin', Buffer.alloc(512 * 1024));
/** The unzipper stops at the end record; it does not need the central directory. */
const END_OF_ARCHIVE = (() => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
})();
