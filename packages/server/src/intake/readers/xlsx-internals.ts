import type ExcelJS from 'exceljs';

/**
 * What the streaming reader knows but its type declarations do not expose: the workbook's
 * sheet list (names, order, visibility), the date system, and the cell styles. Each accessor
 * checks the shape it reads, so an exceljs upgrade that moves them degrades (first sheet,
 * 1900 dates, no locale dates) instead of breaking.
 */
export interface WorkbookInternals {
  /** The sheets in the workbook's own order (known once xl/workbook.xml has been read). */
  sheets(): readonly SheetEntry[];
  date1904(): boolean;
  /**
   * Styles whose number format is one of the built-in East Asian date formats (ids 27–31,
   * 36, 50–54, 57, 58, e.g. 31 = yyyy"年"m"月"d"日"), which a Chinese Excel writes by id only.
   * exceljs knows only the language-independent built-ins, so these cells would read as day
   * numbers (46329) instead of dates.
   */
  localeDateStyles(): WeakSet<object>;
}

export interface SheetEntry {
  readonly name: string;
  /** `hidden`, `veryHidden`, or absent when visible. */
  readonly state?: string;
}

export interface WorksheetInternals {
  readonly name: string;
  /** The sheet's XML: a file stream (unzipped to a temporary file first) or an iterator over the zip entry. */
  readonly iterator?: unknown;
}

const LOCALE_DATE_FORMAT_IDS = new Set([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

interface ReaderShape {
  model?: { sheets?: unknown };
  properties?: { model?: { date1904?: unknown } };
  styles?: {
    model?: { styles?: unknown };
    getStyleModel?: (id: number) => unknown;
  };
}

export function workbookInternals(reader: ExcelJS.stream.xlsx.WorkbookReader): WorkbookInternals {
  const shape = reader as unknown as ReaderShape;
  return {
    sheets() {
      const sheets = shape.model?.sheets;
      if (!Array.isArray(sheets)) return [];
      return sheets.filter((s): s is SheetEntry => typeof s === 'object' && s !== null && typeof (s as SheetEntry).name === 'string');
    },
    date1904() {
      return shape.properties?.model?.date1904 === true;
    },
    localeDateStyles() {
      const found = new WeakSet<object>();
      const styles = shape.styles;
      const xfs = styles?.model?.styles;
      if (!Array.isArray(xfs) || typeof styles?.getStyleModel !== 'function') return found;
      xfs.forEach((xf: unknown, id) => {
        const numFmtId = (xf as { numFmtId?: unknown } | null)?.numFmtId;
        if (typeof numFmtId !== 'number' || !LOCALE_DATE_FORMAT_IDS.has(numFmtId)) return;
        const model = styles.getStyleModel?.(id);
        // A workbook that defines its own format under the id is read by exceljs already.
        if (typeof model === 'object' && model !== null && !('numFmt' in model)) found.add(model);
      });
      return found;
    },
  };
}
