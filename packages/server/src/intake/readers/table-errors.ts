/**
 * Why a department file cannot be read, in words the department can act on, in English and
 * Chinese. Thrown while rows are streamed (a file is only known to be unreadable once the bad
 * part is reached); `openTable` turns the ones met before the first data row into a refusal.
 */
export class TableReadError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    /** The row as the department sees it, when the problem lies in one row. */
    readonly rowNumber?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Bytes that are not text in the file's encoding (e.g. GBK pasted into a UTF-8 file, or a file
 * cut short). Detection looks at the first 64 KB only, so this can surface late: the caller
 * must refuse the whole file rather than apply the rows read before it.
 */
export class UndecodableError extends TableReadError {
  declare readonly rowNumber: number;

  constructor(rowNumber: number, encodingLabel: string) {
    super(
      `row ${rowNumber} contains bytes that are not valid ${encodingLabel} text; the whole file must use one encoding: save it again as CSV (UTF-8) and upload again`,
      `第 ${rowNumber} 行含有不符合 ${encodingLabel} 编码的字节，整个文件须使用同一种编码：请重新另存为 CSV（UTF-8）后上传`,
      rowNumber,
    );
  }
}

/** A CSV record that cannot be split into fields, e.g. a quoted field that never closes. */
export class MalformedCsvError extends TableReadError {
  declare readonly rowNumber: number;

  constructor(rowNumber: number, detail: string, detailZh: string) {
    super(
      `row ${rowNumber} is not valid CSV (${detail}); check the quotes in that row, or save the file again from the spreadsheet program`,
      `第 ${rowNumber} 行不是有效的 CSV（${detailZh}）：请检查该行的引号，或从表格软件重新导出`,
      rowNumber,
    );
  }
}

export interface Refusal {
  readonly message: string;
  readonly messageZh: string;
}

export const refusals = {
  empty: { message: 'the file is empty', messageZh: '文件为空' },
  oldXls: {
    message: 'this is an old .xls workbook; save it as .xlsx or CSV and upload again',
    messageZh: '这是旧版 .xls 工作簿，请另存为 .xlsx 或 CSV 后重新上传',
  },
  encryptedWorkbook: {
    message: 'this workbook is password-protected; remove the password (File → Info → Protect Workbook) and upload again',
    messageZh: '该工作簿设有打开密码，请取消密码（文件 → 信息 → 保护工作簿）后重新上传',
  },
  zipNotWorkbook: {
    message: 'this is a ZIP archive, not an Excel workbook; upload the .xlsx or CSV file itself',
    messageZh: '这是 ZIP 压缩包而不是 Excel 工作簿，请直接上传 .xlsx 或 CSV 文件',
  },
  utf16: {
    message: 'this file is UTF-16 text ("Unicode text" in Excel); save it as "CSV UTF-8" and upload again',
    messageZh: '该文件是 UTF-16 文本（Excel 中的“Unicode 文本”），请另存为“CSV UTF-8”后重新上传',
  },
  binary: {
    message: 'this is neither a CSV text file nor an .xlsx workbook; upload the .xlsx or CSV file',
    messageZh: '该文件既不是 CSV 文本文件也不是 .xlsx 工作簿，请上传 .xlsx 或 CSV 文件',
  },
  badBom: {
    message: 'the file starts with a UTF-8 marker but contains bytes that are not UTF-8; save it again as CSV (UTF-8) and upload again',
    messageZh: '文件以 UTF-8 标记开头，但含有非 UTF-8 字节，请重新另存为 CSV（UTF-8）后上传',
  },
  unknownEncoding: {
    message: 'the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV (UTF-8) and upload again',
    messageZh: '文件既不是 UTF-8 也不是 GBK/GB18030 编码，请另存为 CSV（UTF-8）后重新上传',
  },
  noHeader: {
    message: "no header row found in the first 15 rows; the header must contain the department's column names",
    messageZh: '前 15 行中未找到表头，表头须包含本部门数据的列名',
  },
  noWorksheet: { message: 'the workbook has no worksheets', messageZh: '工作簿中没有工作表' },
  missingSheet(name: string, available: readonly string[]): Refusal {
    const list = available.map((s) => `"${s}"`).join(', ') || '(none)';
    const listZh = available.map((s) => `“${s}”`).join('、') || '（无）';
    return {
      message: `the workbook has no sheet named "${name}"; its sheets are: ${list}`,
      messageZh: `工作簿中没有名为“${name}”的工作表，现有工作表：${listZh}`,
    };
  },
  unreadableWorkbook(detail: string, detailZh = '文件已损坏'): Refusal {
    return {
      message: `the workbook could not be read (${detail}); open it in Excel, save it again as .xlsx and upload again`,
      messageZh: `工作簿无法读取（${detailZh}），请用 Excel 打开后重新另存为 .xlsx 再上传`,
    };
  },
} as const;
