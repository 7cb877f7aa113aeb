import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { CsvEncoding } from './csv-encoding.js';

/** The text of one chunk; `failed` when it stopped at a byte that does not decode (the text is what came before it). */
export interface DecodedChunk {
  readonly text: string;
  readonly failed: boolean;
}

export interface ChunkDecoder {
  decode(bytes: Buffer): DecodedChunk;
  /** The file has ended: a character left incomplete is a failure. */
  end(): DecodedChunk;
}

/**
 * Decodes a file chunk by chunk, a character cut between two chunks included, and stops at
 * the first byte that does not decode, so that the CSV reader can tell the row it is in.
 */
export function chunkDecoder(encoding: CsvEncoding): ChunkDecoder {
  return encoding === 'gb18030' ? gb18030Decoder() : utf8Decoder();
}

function utf8Decoder(): ChunkDecoder {
  let carry = Buffer.alloc(0); // the start of a character cut at the end of the previous chunk
  return {
    decode(chunk) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const end = completeCharactersLength(bytes);
      carry = Buffer.from(bytes.subarray(end));
      const body = bytes.subarray(0, end);
      if (isUtf8(body)) return { text: body.toString('utf8'), failed: false };
      return { text: body.toString('utf8', 0, validUtf8Prefix(body)), failed: true };
    },
    end() {
      return { text: '', failed: carry.length > 0 };
    },
  };
}

function gb18030Decoder(): ChunkDecoder {
  const decoder = iconv.getDecoder('gb18030');
  // GB18030 can encode U+FFFD, but no department file does: the decoder's replacement is the failure.
  const checked = (text: string): DecodedChunk => {
    const bad = text.indexOf('\uFFFD');
    return bad < 0 ? { text, failed: false } : { text: text.slice(0, bad), failed: true };
  };
  return {
    decode: (chunk) => checked(decoder.write(chunk)),
    end: () => checked(decoder.end() ?? ''),
  };
}

/** Where the last complete UTF-8 character ends: a character cut by the chunk boundary waits for the next chunk. */
function completeCharactersLength(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = bytes[n - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}

/**
 * Length of the valid start of bytes known to hold invalid UTF-8: up to the first replacement
 * the lenient decoder makes, skipping U+FFFD characters that are really in the file.
 */
function validUtf8Prefix(bytes: Buffer): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at));
    const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!genuine) return offset;
  }
  return bytes.length;
}
