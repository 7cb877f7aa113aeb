import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type DecodeResult =
  | { ok: true; encoding: DetectedEncoding; text: string }
  | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a department file. The encoding is read from the bytes, never from the file name:
 * a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; otherwise GB18030 (a superset of
 * GBK and GB2312, what Chinese spreadsheet software writes), provided it decodes without
 * replacement characters.
 */
export function decodeDepartmentFile(bytes: Buffer): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { ok: true, encoding: 'utf-8-bom', text: utf8.decode(bytes.subarray(3)) };
    } catch {
      return { ok: false, message: 'the file starts with a UTF-8 marker but contains bytes that are not UTF-8' };
    }
  }
  try {
    return { ok: true, encoding: 'utf-8', text: utf8.decode(bytes) };
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) {
    return { ok: false, message: 'the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV (UTF-8) and upload again' };
  }
  return { ok: true, encoding: 'gb18030', text };
}
