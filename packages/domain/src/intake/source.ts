/**
 * A department feed as the system knows it: its columns (with the header names the
 * department really uses), their types, the record key that makes a row unique, how often
 * it is expected and what it feeds. Sources are configuration, versioned in the repository;
 * the intake pipeline is the same for all of them.
 */

export type FieldType =
  | 'resident_id'
  | 'date'
  | 'year_month'
  | 'amount_fen'
  | 'integer'
  | 'decimal'
  | 'percent'
  | 'text'
  | 'enum'
  | 'community_code'
  | 'phone'
  | 'boolean';

interface FieldCommon {
  /** Internal field name, e.g. `outOfPocketFen`. `residentId` is always the person the record is about. */
  readonly key: string;
  /** The header the department sends, first the canonical one, then variants seen in real files. */
  readonly headers: readonly string[];
  readonly required: boolean;
}

/** Bounds of a number field, inclusive, in the field's value unit (fen for `amount_fen`). */
export interface NumberBounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Dates are ISO (`YYYY-MM-DD`), months `YYYY-MM`. By default a date lies between 1990-01-01
 * and today: older or future dates in a feed are almost always typing errors.
 */
export interface DateBounds {
  /** ISO date; default 1990-01-01. Household registration and real estate go back decades. */
  readonly earliest?: string;
  /** Planned end dates and validity limits (有效期至) lie in the future. */
  readonly allowFuture?: boolean;
}

export type SourceField =
  /** `resident_id`: 18 digits (or the old 15) with check digit; stored as the normalised 18-digit form. */
  | (FieldCommon & { readonly type: 'resident_id' | 'text' | 'community_code' | 'phone' | 'boolean' })
  | (FieldCommon & { readonly type: 'enum'; readonly values: readonly string[] })
  | (FieldCommon & DateBounds & { readonly type: 'date' | 'year_month' })
  | (FieldCommon & NumberBounds & { readonly type: 'amount_fen' })
  | (FieldCommon & NumberBounds & { readonly type: 'integer' })
  /** `percent` is in percentage points, 0–100: "35", "35%" and "35.5%"; `scale` defaults to 2 decimals. */
  | (FieldCommon & NumberBounds & { readonly type: 'percent'; readonly scale?: number })
  /** `decimal`: a number with at most `scale` decimals, e.g. floor area 89.25. */
  | (FieldCommon & NumberBounds & { readonly type: 'decimal'; readonly scale: number });

/**
 * A check across fields of one row that no single field's type can express. Each kind has
 * one stable rule id (see `crossCheck`).
 */
export type RowCheck =
  /** `later` may not be before `earlier` (both optional dates: skipped when either is empty). Rule `date.end_before_start`. */
  | { readonly kind: 'date_order'; readonly earlier: string; readonly later: string }
  /** The amount `part` may not exceed the amount `total`. Rule `amount.exceeds_total`. */
  | { readonly kind: 'amount_within'; readonly part: string; readonly total: string }
  /** `field` must be filled when `when` equals `equals`, e.g. an end date once the status is 停保. Rule `required.conditional`. */
  | { readonly kind: 'required_when'; readonly field: string; readonly when: string; readonly equals: string | boolean };

/**
 * What a source's accepted records are used for: `registry` (who belongs to which population
 * group), `signals` (events that can raise a warning, see `signalsFromRecord`),
 * `verification` (核对: income and assets of a household).
 */
export type SourceUse = 'registry' | 'signals' | 'verification';

export interface SourceDefinition {
  /** Kebab-case, stable: it is stored with every batch and record. */
  readonly id: string;
  /**
   * Version of this definition. Bump it when fields, types, headers, checks or the record
   * key change, so a batch can say which definition validated it.
   */
  readonly version: number;
  /** Department, in Chinese as on its letterhead. */
  readonly department: string;
  readonly name: string;
  /** One line in Chinese: what the feed holds. */
  readonly description: string;
  /** Expected days between deliveries: daily 1, weekly 7, monthly 31, per school term 183. */
  readonly cadenceDays: number;
  readonly produces: readonly SourceUse[];
  readonly fields: readonly SourceField[];
  /** Field keys whose values together identify a record across deliveries; all required. */
  readonly recordKey: readonly string[];
  readonly checks?: readonly RowCheck[];
}

/** The canonical header of each field, in declaration order: what a generator writes. */
export function canonicalHeaders(source: SourceDefinition): string[] {
  return source.fields.map((f) => f.headers[0] as string);
}
