import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { canonicalHeaders, type SourceDefinition } from '@shouwang/domain';
import type { OpenTableResult, TableRow } from './readers/index.js';

type JsonRecord = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One record as cells under the source's canonical headers; a field may be named by its key or any header variant. */
function toCells(source: SourceDefinition, record: JsonRecord): string[] {
  return source.fields.map((field) => {
    if (field.key in record) return cell(record[field.key]);
    const header = field.headers.find((h) => h in record);
    return header === undefined ? '' : cell(record[header]);
  });
}

async function firstChar(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().charAt(0);
  } finally {
    await handle.close();
  }
}

/**
 * JSON deliveries from department APIs: an array of objects, or NDJSON (one object a line),
 * read as a table with the source's canonical headers. Row numbers are record numbers.
 */
export async function openJsonTable(path: string, source: SourceDefinition): Promise<OpenTableResult> {
  const start = await firstChar(path);
  if (start === '') return { ok: false, message: 'the delivery is empty', messageZh: '送达的数据为空' };
  if (start !== '[' && start !== '{') return { ok: false, message: 'the delivery is not JSON: expected an array of records or one JSON object per line', messageZh: '数据不是 JSON：应为记录数组或每行一个 JSON 对象' };
  const header = canonicalHeaders(source);
  async function* rows(options: { after?: number } = {}): AsyncIterable<TableRow> {
    const after = options.after ?? 0;
    let n = 0;
    const emit = (value: unknown, where: string): TableRow | undefined => {
      n++;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} is not a JSON object`);
      return n > after ? { rowNumber: n, cells: toCells(source, value as JsonRecord) } : undefined;
    };
    if (start === '[') {
      // Arrays arrive through the API, whose body size is limited: parsing whole is fine.
      const chunks: Buffer[] = [];
      for await (const chunk of createReadStream(path)) chunks.push(chunk as Buffer);
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new Error(`the delivery is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!Array.isArray(parsed)) throw new Error('the delivery must be an array of records');
      for (const [i, value] of parsed.entries()) {
        const row = emit(value, `record ${i + 1}`);
        if (row) yield row;
      }
      return;
    }
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        throw new Error(`line ${line} is not valid JSON`);
      }
      const row = emit(value, `line ${line}`);
      if (row) yield row;
    }
  }
  return { ok: true, table: { format: 'json' as never, encoding: 'utf-8', header, headerRowNumber: 0, rows } };
}
