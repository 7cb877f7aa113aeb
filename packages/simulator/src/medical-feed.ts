/**
 * The Medical Security Bureau's settlement file (医疗费用结算明细) for the demo city: rows
 * over a date range, written as the bureau sends them (Chinese headers, amounts in yuan,
 * CRLF, UTF-8 or GBK), and a spoiler that breaks rows the way real files are broken, so that
 * intake validation and quarantine have something to catch.
 */

import { MEDICAL_SETTLEMENT, addDays, canonicalHeaders, daysBetween } from '@shouwang/domain';
import iconv from 'iconv-lite';
import type { DemoCity } from './city.js';
import { Random } from './random.js';
import { SettlementMaker, settlementNo, type SettlementRow } from './settlements.js';

export interface SettlementOptions {
  readonly seed: number;
  readonly count: number;
  /** First and last settlement date, ISO, inclusive. */
  readonly from: string;
  readonly to: string;
  /** Share of rows that put a low-income family over the illness-warning thresholds (default 0.05). */
  readonly burdenShare?: number;
  /** Sequence of the first settlement number (default 1); numbers are unique within a file. */
  readonly firstSequence?: number;
}

/**
 * `count` settlements of random people of the city, in date order. When the city has no
 * low-income household, burden rows are ordinary rows.
 */
export function generateSettlements(city: DemoCity, options: SettlementOptions): SettlementRow[] {
  const { seed, count, from, to, burdenShare = 0.05, firstSequence = 1 } = options;
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`settlement range ${from}..${to} is empty`);
  if (!(burdenShare >= 0 && burdenShare <= 1)) throw new RangeError('burdenShare must be between 0 and 1');
  const random = new Random(seed);
  const maker = new SettlementMaker(city);
  const burdenRows = new Set(random.sampleIndices(count, Math.round(count * burdenShare)));
  const claims = Array.from({ length: count }, (_, i) =>
    maker.claim(random, addDays(from, random.int(0, span)), burdenRows.has(i)),
  );
  claims.sort((a, b) => (a.settledOn < b.settledOn ? -1 : a.settledOn > b.settledOn ? 1 : 0));
  return claims.map((claim, i) => ({ settlementNo: settlementNo(claim.settledOn, 0, firstSequence + i), ...claim }));
}

type SettlementField = keyof SettlementRow;

/** A settlement row as text, the way it stands in the file; may be deliberately wrong. */
export type SettlementRecord = { readonly [K in SettlementField]: string };

/** `123450` fen → `"1234.50"`. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const FIELDS = MEDICAL_SETTLEMENT.fields.map((f) => f.key as SettlementField);
const AMOUNT_FIELDS: readonly SettlementField[] = ['totalFen', 'reimbursedFen', 'outOfPocketFen'];

export function toSettlementRecord(row: SettlementRow): SettlementRecord {
  return {
    settlementNo: row.settlementNo,
    residentId: row.residentId,
    name: row.name,
    settledOn: row.settledOn,
    institution: row.institution,
    visitType: row.visitType,
    totalFen: formatYuan(row.totalFen),
    reimbursedFen: formatYuan(row.reimbursedFen),
    outOfPocketFen: formatYuan(row.outOfPocketFen),
  };
}

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gbk';

export interface CsvOptions {
  readonly encoding: CsvEncoding;
  /** Header names in field order, e.g. a department's variant; default the canonical ones. */
  readonly headers?: readonly string[];
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function isTyped(row: SettlementRow | SettlementRecord): row is SettlementRow {
  return typeof row.totalFen === 'number';
}

/** The file as the department sends it. Accepts typed rows or (possibly spoilt) text records. */
export function settlementsToCsv(rows: readonly (SettlementRow | SettlementRecord)[], options: CsvOptions): Buffer {
  const headers = options.headers ?? canonicalHeaders(MEDICAL_SETTLEMENT);
  if (headers.length !== FIELDS.length) throw new RangeError(`expected ${FIELDS.length} headers, got ${headers.length}`);
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) {
    const record = isTyped(row) ? toSettlementRecord(row) : row;
    lines.push(FIELDS.map((field) => csvField(record[field])).join(','));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  switch (options.encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk':
      return iconv.encode(text, 'gbk');
  }
}

export type DefectKind = 'check_digit' | 'id_length' | 'impossible_date' | 'empty_amount' | 'negative_amount' | 'non_numeric_amount';

export const DEFECT_KINDS: readonly DefectKind[] = ['check_digit', 'id_length', 'impossible_date', 'empty_amount', 'negative_amount', 'non_numeric_amount'];

export interface Defect {
  /** Index of the row in the returned list (0 = first data row). */
  readonly index: number;
  readonly field: SettlementField;
  readonly kind: DefectKind;
}

export interface CorruptedSettlements {
  readonly rows: SettlementRecord[];
  readonly defects: Defect[];
}

const CHECK_CHARS = '10X98765432';

/**
 * A copy of the rows as text in which `share` of them (rounded, at least one per kind when
 * there are enough rows) carry exactly one defect each, the kinds dealt in turn.
 */
export function corruptRows(rows: readonly SettlementRow[], seed: number, share: number): CorruptedSettlements {
  if (!(share >= 0 && share <= 1)) throw new RangeError('share must be between 0 and 1');
  const random = new Random(seed);
  const records: SettlementRecord[] = rows.map(toSettlementRecord);
  const wanted = share === 0 ? 0 : Math.max(Math.round(rows.length * share), DEFECT_KINDS.length);
  const chosen = random.sampleIndices(rows.length, wanted).sort((a, b) => a - b);
  const defects: Defect[] = [];
  chosen.forEach((index, n) => {
    const kind = DEFECT_KINDS[n % DEFECT_KINDS.length] as DefectKind;
    const { field, value } = spoil(random, records[index] as SettlementRecord, kind);
    records[index] = { ...(records[index] as SettlementRecord), [field]: value };
    defects.push({ index, field, kind });
  });
  return { rows: records, defects };
}

function spoil(random: Random, record: SettlementRecord, kind: DefectKind): { field: SettlementField; value: string } {
  switch (kind) {
    case 'check_digit': {
      const id = record.residentId;
      const right = CHECK_CHARS.indexOf(id.slice(17));
      const wrong = CHECK_CHARS[(right + random.int(1, 10)) % 11] as string;
      return { field: 'residentId', value: id.slice(0, 17) + wrong };
    }
    case 'id_length':
      return { field: 'residentId', value: record.residentId.slice(0, 17) };
    case 'impossible_date':
      return { field: 'settledOn', value: `${record.settledOn.slice(0, 4)}-${random.pick(['02-30', '02-31', '04-31', '06-31'])}` };
    case 'empty_amount':
      return { field: 'outOfPocketFen', value: '' };
    case 'negative_amount': {
      const field = random.pick(AMOUNT_FIELDS.filter((f) => Number(record[f]) > 0));
      return { field, value: `-${record[field]}` };
    }
    case 'non_numeric_amount': {
      // A letter o typed for a zero, or any digit misread: `120.50` → `12o.50`.
      const field = random.pick(AMOUNT_FIELDS);
      const text = record[field];
      const at = text.indexOf('.') - 1;
      return { field, value: `${text.slice(0, at)}o${text.slice(at + 1)}` };
    }
  }
}
