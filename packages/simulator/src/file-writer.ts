/**
 * Writes one department's file the way that department writes it: CSV in UTF-8, UTF-8 with
 * BOM or GBK, or an .xlsx workbook with a title row above the header; its own choice among
 * the header variants of the source; its own date form (2025-03-01, 2025/3/1, 20250301,
 * 2025年3月1日). Rows come as validated values (dates ISO, amounts fen, booleans), so the
 * counts a city expects are computed from exactly what is written. A share of rows can be
 * spoiled on purpose (bad check digit, impossible date, empty required field); each is counted.
 */

import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { FieldValue, SourceDefinition, SourceField } from '@shouwang/domain';
import { checkCharacter } from '@shouwang/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Random } from './random.js';

export type RowValues = Record<string, FieldValue>;
export type FileFormat = 'csv' | 'xlsx';
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';
export type DateStyle = 'iso' | 'slash' | 'compact' | 'chinese';
export type BadRowKind = 'check_digit' | 'impossible_date' | 'empty_required';

export interface FileStyle {
  readonly fileName: string;
  readonly format: FileFormat;
  /** For CSV; a workbook is always UTF-8 inside. */
  readonly encoding?: FileEncoding;
  /** Field key → index into the field's `headers`; 0 (the canonical header) when absent. */
  readonly headers?: Readonly<Record<string, number>>;
  readonly dates?: DateStyle;
  /** A title line above the header (XLSX: a merged cell; CSV: a first record). */
  readonly title?: string;
  /** Optional fields the department does not send. */
  readonly omit?: readonly string[];
  /** Share of rows spoiled on purpose. */
  readonly badShare?: number;
}

export interface WrittenFile {
  readonly sourceId: string;
  readonly path: string;
  readonly format: FileFormat;
  readonly encoding: FileEncoding;
  readonly rows: number;
  /** Rows spoiled on purpose: intake must refuse exactly these. */
  readonly badRows: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatDate(iso: string, style: DateStyle): string {
  switch (style) {
    case 'iso': return iso;
    case 'slash': return `${iso.slice(0, 4)}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
    case 'compact': return iso.replaceAll('-', '');
    case 'chinese': return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  }
}

function formatMonth(month: string, style: DateStyle): string {
  switch (style) {
    case 'iso': return month;
    case 'slash': return `${month.slice(0, 4)}/${Number(month.slice(5, 7))}`;
    case 'compact': return month.replace('-', '');
    case 'chinese': return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
  }
}

/** `123450` fen → `1234.50`. */
export function yuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${pad2(fen % 100)}`;
}

function cellOf(field: SourceField, value: FieldValue | undefined, dates: DateStyle): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'date': return formatDate(String(value), dates);
    case 'year_month': return formatMonth(String(value), dates);
    case 'amount_fen': return yuanText(value as number);
    case 'decimal': return (value as number).toFixed(Math.min(field.scale, 2));
    case 'boolean': return value === true ? '是' : '否';
    default: return String(value);
  }
}

/** Spoils one cell of a formatted row so that validation must refuse it. */
function spoil(kind: BadRowKind, fields: readonly SourceField[], cells: string[], today: string): BadRowKind {
  const index = (test: (f: SourceField) => boolean): number => fields.findIndex(test);
  const id = index((f) => f.type === 'resident_id');
  const date = index((f) => f.required && (f.type === 'date' || f.type === 'year_month'));
  if (kind === 'impossible_date' && date >= 0) {
    cells[date] = (fields[date] as SourceField).type === 'date' ? `${today.slice(0, 4)}-02-30` : `${today.slice(0, 4)}-13`;
    return kind;
  }
  if (kind === 'empty_required') {
    const required = index((f) => f.required && f.type === 'text' && f.key === 'name');
    cells[required >= 0 ? required : id] = '';
    return kind;
  }
  const number = cells[id] as string;
  cells[id] = number.slice(0, 17) + (checkCharacter(number.slice(0, 17)) === '0' ? '1' : '0');
  return 'check_digit';
}

const BAD_KINDS: readonly BadRowKind[] = ['check_digit', 'impossible_date', 'empty_required'];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

interface TextSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

function textFile(path: string, encoding: FileEncoding): TextSink {
  const stream = createWriteStream(path);
  let buffered: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const text = buffered.join('');
    buffered = [];
    size = 0;
    const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    if (!stream.write(bytes)) await once(stream, 'drain');
  };
  if (encoding === 'utf-8-bom') buffered.push('\ufeff');
  return {
    async write(text) {
      buffered.push(text);
      size += text.length;
      if (size > 1 << 20) await flush();
    },
    async close() {
      await flush();
      stream.end();
      await once(stream, 'finish');
    },
  };
}

interface RowSink {
  row(cells: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

async function csvSink(path: string, encoding: FileEncoding, title: string | undefined, header: readonly string[]): Promise<RowSink> {
  const file = textFile(path, encoding);
  if (title !== undefined) await file.write(`${csvCell(title)}${','.repeat(header.length - 1)}\r\n`);
  await file.write(header.map(csvCell).join(',') + '\r\n');
  return {
    row: (cells) => file.write(cells.map(csvCell).join(',') + '\r\n'),
    close: () => file.close(),
  };
}

/** A streamed workbook: cells as text (resident IDs must never be numbers), a merged title above the header. */
function xlsxSink(path: string, sheetName: string, title: string | undefined, header: readonly string[]): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map(() => ({ width: 16 }));
  if (title !== undefined) {
    const row = sheet.addRow([title]);
    row.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, header.length);
    row.commit();
  }
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  headerRow.commit();
  return {
    async row(cells) {
      sheet.addRow([...cells]).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export interface WriteOptions {
  readonly dir: string;
  readonly today: string;
  readonly random: Random;
  /** Called with the values of every row written unspoiled, in file order. */
  readonly onRow: (values: RowValues) => void;
}

/** Writes `rows` of `source` in the department's `style`. */
export async function writeSourceFile(source: SourceDefinition, style: FileStyle, rows: Iterable<RowValues>, options: WriteOptions): Promise<WrittenFile> {
  const omitted = new Set(style.omit ?? []);
  const fields = source.fields.filter((f) => !omitted.has(f.key));
  const header = fields.map((f) => f.headers[style.headers?.[f.key] ?? 0] ?? (f.headers[0] as string));
  const path = join(options.dir, style.fileName);
  const encoding = style.format === 'xlsx' ? 'utf-8' : (style.encoding ?? 'utf-8');
  const sink = style.format === 'xlsx' ? xlsxSink(path, source.name, style.title, header) : await csvSink(path, encoding, style.title, header);
  const dates = style.dates ?? 'iso';
  const badShare = style.badShare ?? 0;
  let count = 0;
  let bad = 0;
  for (const values of rows) {
    const cells = fields.map((f) => cellOf(f, values[f.key], dates));
    count++;
    if (badShare > 0 && options.random.chance(badShare)) {
      spoil(options.random.pick(BAD_KINDS), fields, cells, options.today);
      bad++;
    } else {
      options.onRow(omitted.size === 0 ? values : Object.fromEntries(fields.map((f) => [f.key, values[f.key] ?? null])));
    }
    await sink.row(cells);
  }
  await sink.close();
  return { sourceId: source.id, path, format: style.format, encoding, rows: count, badRows: bad };
}
