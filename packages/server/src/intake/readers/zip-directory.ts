import type { FileHandle } from 'node:fs/promises';

/** One file inside a ZIP archive: its name and where its local record lies in the archive. */
export interface ZipEntry {
  readonly name: string;
  /** Offset of the local header. */
  readonly start: number;
  /** Offset just past the entry's data (and data descriptor): the next entry or the central directory. */
  readonly end: number;
}

export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: 'incomplete' | 'too-large' };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
/** Set in an offset or size that only a ZIP64 record holds: archives over 4 GB, never a department workbook. */
const ZIP64_MARKER = 0xffffffff;

/**
 * Reads the central directory at the end of a ZIP archive: the list of its files. A file cut
 * short in transfer has none, which is how an incomplete upload is told from a damaged one.
 */
export async function readZipDirectory(file: FileHandle, size: number): Promise<ZipDirectory> {
  const tailLength = Math.min(size, 22 + 0xffff); // the end record and the longest archive comment
  const tail = await readAt(file, size - tailLength, tailLength);
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== END_OF_CENTRAL_DIRECTORY) at--;
  if (at < 0) return { ok: false, reason: 'incomplete' };
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) return { ok: false, reason: 'too-large' };
  if (directoryOffset + directorySize > size) return { ok: false, reason: 'incomplete' };
  const directory = await readAt(file, directoryOffset, directorySize);
  const located: { name: string; start: number }[] = [];
  for (let p = 0; p + 46 <= directory.length && directory.readUInt32LE(p) === CENTRAL_DIRECTORY_HEADER;) {
    const nameLength = directory.readUInt16LE(p + 28);
    const start = directory.readUInt32LE(p + 42);
    if (start === ZIP64_MARKER) return { ok: false, reason: 'too-large' };
    located.push({ name: directory.toString('utf8', p + 46, p + 46 + nameLength), start });
    p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
  }
  const byOffset = [...located].sort((a, b) => a.start - b.start);
  const entries = byOffset.map((entry, i) => ({ ...entry, end: byOffset[i + 1]?.start ?? directoryOffset }));
  return { ok: true, entries };
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
