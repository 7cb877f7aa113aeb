import { isBlankRow, type TableRow } from './table-row.js';

/** Departments put a title, a unit line or blank rows above the header, never this many. */
export const HEADER_SCAN_ROWS = 15;

/** How many of the source's known column names a candidate header matches. */
export type HeaderScore = (headerCandidate: readonly string[]) => number;

export interface HeaderBlock {
  /** One name per column index. */
  readonly names: readonly string[];
  readonly firstRowNumber: number;
  /** Data starts after this row. */
  readonly lastRowNumber: number;
  readonly score: number;
}

/**
 * Finds the header among the first rows: any single row, or two consecutive rows forming a
 * two-level header (a group cell such as "费用信息" above its sub-headers, the other columns
 * merged vertically across both rows). A merged range shows its value only in its first cell,
 * so in a two-level header a column is named by its lower cell, or by the upper one when the
 * lower is empty. The best score wins; on a tie the block that ends first, then the single
 * row, so that neither a title above nor a data row below is taken into the header.
 */
export function findHeaderBlock(rows: readonly TableRow[], score: HeaderScore): HeaderBlock | undefined {
  const candidates = rows.filter((row) => !isBlankRow(row));
  let best: HeaderBlock | undefined;
  const consider = (names: string[], firstRowNumber: number, lastRowNumber: number): void => {
    const candidate = { names, firstRowNumber, lastRowNumber, score: score(names) };
    if (candidate.score > 0 && (!best || isBetter(candidate, best))) best = candidate;
  };
  for (const [index, row] of candidates.entries()) {
    consider(row.cells.map((cell) => cell.trim()), row.rowNumber, row.rowNumber);
    const upper = candidates[index - 1];
    if (upper?.rowNumber !== row.rowNumber - 1) continue;
    const stacked = stackedNames(upper.cells, row.cells);
    const joined = joinedNames(upper.cells, row.cells);
    const joinedScores = score(joined) > score(stacked);
    consider(joinedScores ? joined : stacked, upper.rowNumber, row.rowNumber);
  }
  return best;
}

function isBetter(a: HeaderBlock, b: HeaderBlock): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.lastRowNumber !== b.lastRowNumber) return a.lastRowNumber < b.lastRowNumber;
  return a.firstRowNumber > b.firstRowNumber; // one row rather than two
}

/** Each column named by its lower cell, or by the upper cell when the lower is empty (merged vertically). */
function stackedNames(upper: readonly string[], lower: readonly string[]): string[] {
  return columns(upper, lower).map(([top, bottom]) => bottom || top);
}

/**
 * The variant "upper + lower", e.g. "费用信息" + "个人自付(元)", for departments whose sub-headers
 * alone are ambiguous. The group name is carried right over the columns it spans: cells left
 * empty by the merge, with a sub-header below them.
 */
function joinedNames(upper: readonly string[], lower: readonly string[]): string[] {
  let group = '';
  return columns(upper, lower).map(([top, bottom]) => {
    if (top !== '') group = bottom !== '' ? top : '';
    else if (bottom === '') group = '';
    const groupName = top || group;
    return groupName && bottom ? groupName + bottom : bottom || groupName;
  });
}

function columns(upper: readonly string[], lower: readonly string[]): [string, string][] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, i) => [(upper[i] ?? '').trim(), (lower[i] ?? '').trim()]);
}
