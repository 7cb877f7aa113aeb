/** One row of a department file, numbered as the department sees it in Excel. */
export interface TableRow {
  /** The Excel row number, or for CSV the record number counting every line above it (title, blank, header). */
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
