import ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { IntakeRejectTable } from '../db/schema.js';
import type { PersonalDataKeys } from '../identity/keys.js';

export const REJECT_COLUMN_HEADER = '错误列';
export const REJECT_REASON_HEADER = '错误原因';
export const REJECT_ROW_HEADER = '原行号';

/**
 * The rejected rows of a batch as the department sent them, plus the row number, the
 * column at fault and the reason, for a data steward to fix and upload again. The extra
 * columns are ignored when the corrected file comes back.
 */
export async function rejectsWorkbook(rejects: readonly Selectable<IntakeRejectTable>[], keys: PersonalDataKeys, sheetName: string): Promise<Buffer> {
  const byRow = new Map<number, { original: Record<string, string>; problems: { column: string; reason: string }[] }>();
  for (const r of rejects) {
    const entry = byRow.get(r.row_number) ?? { original: JSON.parse(keys.decrypt(r.row_enc)) as Record<string, string>, problems: [] };
    entry.problems.push({ column: r.column_name, reason: r.reason_zh || r.reason });
    byRow.set(r.row_number, entry);
  }
  const headers = [...new Set([...byRow.values()].flatMap((e) => Object.keys(e.original)))];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shouwang';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'rejects');
  sheet.addRow([...headers, REJECT_ROW_HEADER, REJECT_COLUMN_HEADER, REJECT_REASON_HEADER]);
  sheet.getRow(1).font = { bold: true };
  for (const [rowNumber, entry] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const row = sheet.addRow([
      ...headers.map((h) => entry.original[h] ?? ''),
      rowNumber,
      [...new Set(entry.problems.map((p) => p.column))].join('、'),
      entry.problems.map((p) => `${p.column}：${p.reason}`).join('；'),
    ]);
    // Keep resident IDs and codes as text, so Excel does not turn them into 3.2e+17.
    row.eachCell((c, i) => { if (i <= headers.length) c.numFmt = '@'; });
    row.getCell(headers.length + 3).font = { color: { argb: 'FFC00000' } };
  }
  sheet.columns.forEach((column, i) => { column.width = i < headers.length ? 18 : 40; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
