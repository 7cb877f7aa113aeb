import type { FileHandle } from 'node:fs/promises';
import { refusals, type Refusal } from './table-errors.js';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

/** How much of the file is examined to tell its format and encoding. */
export const HEAD_BYTES = 64 * 1024;

export type SniffedFormat =
  | { readonly format: 'xlsx'; readonly entries: readonly ZipEntry[] }
  | { readonly format: 'csv'; readonly head: Buffer; readonly wholeFile: boolean }
  | { readonly format: 'refused'; readonly refusal: Refusal };

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An Excel file encrypted with a password is an OLE compound file holding this stream. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Tells the format from the bytes, never from the file name: departments rename files, and a
 * ".csv" saved by Excel can be a workbook. An XLSX is a ZIP whose directory lists
 * xl/workbook.xml; a .xls (or a password-protected .xlsx) is an OLE compound file; anything
 * else is taken as CSV text.
 */
export async function sniffFormat(file: FileHandle): Promise<SniffedFormat> {
  const { size } = await file.stat();
  if (size === 0) return { format: 'refused', refusal: refusals.empty };
  const head = await readAt(file, 0, Math.min(size, HEAD_BYTES));
  if (startsWith(head, ZIP_LOCAL_HEADER)) {
    const zip = await readZipDirectory(file, size);
    if (!zip.ok) {
      return {
        format: 'refused',
        refusal: zip.reason === 'incomplete'
          ? refusals.unreadableWorkbook('the file is incomplete: it was cut short while copying or uploading', '文件不完整，复制或上传时被截断')
          : refusals.unreadableWorkbook('the archive is over 4 GB', '文件超过 4 GB'),
      };
    }
    if (!zip.entries.some((e) => e.name === 'xl/workbook.xml')) return { format: 'refused', refusal: refusals.zipNotWorkbook };
    return { format: 'xlsx', entries: zip.entries };
  }
  if (startsWith(head, OLE_COMPOUND_FILE)) {
    return { format: 'refused', refusal: head.includes(ENCRYPTED_PACKAGE) ? refusals.encryptedWorkbook : refusals.oldXls };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { format: 'refused', refusal: refusals.utf16 };
  }
  // No CSV a department writes contains NUL; UTF-16 without a BOM and binaries do.
  if (head.includes(0)) return { format: 'refused', refusal: refusals.binary };
  return { format: 'csv', head, wholeFile: head.length === size };
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}
