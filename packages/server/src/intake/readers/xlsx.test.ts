import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable, TableReadError, type OpenedTable, type TableRow } from './index.js';

const KNOWN_HEADERS = ['结算流水号', '身份证号码', '姓名', '结算日期', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)'];
const expectedHeaders = (candidate: readonly string[]) => candidate.filter((h) => KNOWN_HEADERS.includes(h)).length;
const TITLE = '南京市医疗保障局2026年11月医疗费用结算明细表';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shouwang-xlsx-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

let fileCount = 0;
const nextPath = () => join(dir, `book-${++fileCount}.xlsx`);

/** A workbook as the Medical Security Bureau sends it: a merged title, a blank row, a two-level merged header. */
function addSettlementSheet(workbook: ExcelJS.Workbook, name: string, data: readonly (readonly ExcelJS.CellValue[])[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.getCell('A1').value = TITLE;
  sheet.mergeCells('A1:G1');
  sheet.getRow(3).values = ['结算流水号', '身份证号码', '姓名', '结算日期', '费用信息'];
  sheet.getRow(4).values = [undefined, undefined, undefined, undefined, '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)'].map((v) => v ?? null);
  for (const column of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${column}3:${column}4`);
  sheet.mergeCells('E3:G3');
  data.forEach((values, i) => {
    sheet.getRow(5 + i).values = [...values];
  });
  return sheet;
}

const settlement = (n: number): ExcelJS.CellValue[] => [`JS${n}`, '320102199001011234', '张三', new Date(Date.UTC(2026, 10, 3)), 1200.5, 800, 400.5];

async function write(workbook: ExcelJS.Workbook): Promise<string> {
  const path = nextPath();
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Files this process holds open that are under the test folder (Linux: /proc/self/fd). */
async function openTestFiles(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 50)); // a destroyed stream closes its file on a later tick
  const fds = await readdir('/proc/self/fd').catch(() => []);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(dir)).length;
}

async function openOk(path: string, sheet?: string): Promise<OpenedTable> {
  const result = await openTable(path, { sheet, expectedHeaders });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.table;
}

async function allRows(table: OpenedTable, after?: number): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows({ after })) rows.push(row);
  return rows;
}

describe('XLSX sheets', () => {
  it('reads the first sheet by default', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', [settlement(1), settlement(2)]);
    workbook.addWorksheet('说明').getCell('A1').value = '填表说明';
    const table = await openOk(await write(workbook));
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBe('xlsx');
    expect((await allRows(table)).map((r) => r.cells[0])).toEqual(['JS1', 'JS2']);
  });

  it('reads a sheet by name', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').getCell('A1').value = '封面';
    addSettlementSheet(workbook, '11月', [settlement(7)]);
    const table = await openOk(await write(workbook), '11月');
    expect((await allRows(table))[0]?.cells[0]).toBe('JS7');
  });

  it('skips a hidden first sheet when no sheet is named', async () => {
    const workbook = new ExcelJS.Workbook();
    const lookup = workbook.addWorksheet('代码表');
    lookup.getCell('A1').value = '门诊';
    lookup.state = 'hidden';
    addSettlementSheet(workbook, '结算明细', [settlement(3)]);
    expect((await allRows(await openOk(await write(workbook))))[0]?.cells[0]).toBe('JS3');
  });

  it('refuses a sheet name the workbook does not have, listing the ones it has', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', [settlement(1)]);
    workbook.addWorksheet('说明');
    const result = await openTable(await write(workbook), { sheet: '12月', expectedHeaders });
    expect(result).toMatchObject({ ok: false, message: 'the workbook has no sheet named "12月"; its sheets are: "结算明细", "说明"' });
  });
});

describe('XLSX header and rows', () => {
  it('resolves a merged title row and a two-level merged header, numbering rows as Excel does', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = addSettlementSheet(workbook, '结算明细', [settlement(1), settlement(2)]);
    sheet.getRow(8).values = ['JS3', '320102199001011234', '李四', new Date(Date.UTC(2026, 10, 4)), 1, 1, 0];
    sheet.getRow(9).values = [null, '', '  '];
    sheet.getRow(10).values = ['JS4', '320102199001011234', '王五', new Date(Date.UTC(2026, 10, 5)), 1, 1, 0];
    const table = await openOk(await write(workbook));
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect(table.headerRowNumber).toBe(4);
    expect((await allRows(table)).map((r) => [r.rowNumber, r.cells[0]])).toEqual([[5, 'JS1'], [6, 'JS2'], [8, 'JS3'], [10, 'JS4']]);
  });

  it('resumes after a given row', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', Array.from({ length: 30 }, (_, i) => settlement(i + 1)));
    const rows = await allRows(await openOk(await write(workbook)), 30);
    expect(rows.map((r) => r.rowNumber)).toEqual([31, 32, 33, 34]);
    expect(rows[0]?.cells[0]).toBe('JS27');
  });

  it('refuses a sheet without a known header in its first 15 rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRows([['编号', '名称'], [1, '甲']]);
    expect(await openTable(await write(workbook), { expectedHeaders })).toMatchObject({ ok: false, message: expect.stringMatching(/^no header row found in the first 15 rows/) });
  });

  it('stops and releases the file when the caller breaks out early', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', Array.from({ length: 100 }, (_, i) => settlement(i + 1)));
    workbook.addWorksheet('说明').getCell('A1').value = '填表说明';
    const table = await openOk(await write(workbook));
    for await (const row of table.rows()) {
      expect(row.rowNumber).toBe(5);
      break;
    }
    expect(await openTestFiles()).toBe(0);
    const unread = await openOk(await write(workbook));
    await unread.close?.();
    expect(await openTestFiles()).toBe(0);
  });
});

describe('XLSX cell values', () => {
  async function cellsOf(values: ExcelJS.CellValue[], format?: (row: ExcelJS.Row) => void): Promise<readonly string[]> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('结算明细');
    sheet.addRow(KNOWN_HEADERS);
    const row = sheet.addRow(values);
    format?.(row);
    const [first] = await allRows(await openOk(await write(workbook)));
    return first?.cells ?? [];
  }

  it('gives dates as ISO dates, with the time when there is one', async () => {
    const cells = await cellsOf([new Date(Date.UTC(2026, 10, 3)), new Date(Date.UTC(2026, 10, 3, 8, 30, 5)), { formula: 'A2+1', result: 46330 }], (row) => {
      row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
    });
    expect(cells).toEqual(['2026-11-03', '2026-11-03 08:30:05', '2026-11-04']);
  });

  it('gives numbers as written, without floating-point noise, and 15-digit numbers exactly', async () => {
    const cells = await cellsOf([12.3, 0.1 + 0.2, { formula: 'A2*3', result: 36.900000000000006 }, 123456789012345, -0.5, 1200]);
    expect(cells).toEqual(['12.3', '0.3', '36.9', '123456789012345', '-0.5', '1200']);
  });

  it('gives an 18-digit ID typed as a number with the digits Excel kept, and an ID stored as text exactly', async () => {
    expect(await cellsOf([Number('320102199001011234'), '320102199001011234'])).toEqual(['320102199001011000', '320102199001011234']);
  });

  it('gives the text of rich text, hyperlinks, string formulas and booleans, and errors as empty', async () => {
    const cells = await cellsOf([
      { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
      { text: '南京市鼓楼医院', hyperlink: 'https://example.org/hospital' },
      { formula: 'C2&"住院"', result: '张三住院' },
      true,
      { error: '#N/A' },
      { formula: 'VLOOKUP(A2,代码表!A:B,2,0)', result: { error: '#N/A' } },
    ]);
    expect(cells).toEqual(['张三', '南京市鼓楼医院', '张三住院', 'TRUE', '', '']);
  });
});

describe('XLSX as Excel writes it', () => {
  /**
   * Excel orders the parts workbook, sheets, styles, shared strings, and names East Asian date
   * formats by built-in id only (31 = yyyy"年"m"月"d"日"); exceljs writes neither, so this
   * workbook is put together by hand.
   */
  function excelStyleWorkbook(): Buffer {
    const strings = [TITLE, ...KNOWN_HEADERS.slice(0, 4), '费用信息', ...KNOWN_HEADERS.slice(4), 'JS1', '320102199001011234', '张三', '代码'];
    const s = (text: string) => `<c t="s"><v>${strings.indexOf(text)}</v></c>`.replace('<c ', '<c r="?" ');
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((c, i) => c.replace('r="?"', `r="${String.fromCharCode(65 + i)}${r}"`)).join('')}</row>`;
    const empty = '<c r="?" s="0"/>';
    const sheetData = [
      row(1, [s(TITLE), empty, empty, empty, empty, empty, empty]),
      row(3, [s('结算流水号'), s('身份证号码'), s('姓名'), s('结算日期'), s('费用信息'), empty, empty]),
      row(4, [empty, empty, empty, empty, s('医疗总费用(元)'), s('统筹基金支付(元)'), s('个人自付(元)')]),
      row(5, [s('JS1'), s('320102199001011234'), s('张三'), '<c r="?" s="1"><v>46329</v></c>', '<c r="?"><v>1200.5</v></c>', '<c r="?"><v>800</v></c>', '<c r="?"><v>400.5</v></c>']),
      row(6, [empty]),
      row(7, [s('JS1'), s('320102199001011234'), s('张三'), '<c r="?" s="2"><v>46330.5</v></c>']),
    ].join('');
    const merges = '<mergeCells count="6"><mergeCell ref="A1:G1"/><mergeCell ref="A3:A4"/><mergeCell ref="B3:B4"/><mergeCell ref="C3:C4"/><mergeCell ref="D3:D4"/><mergeCell ref="E3:G3"/></mergeCells>';
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    return zipArchive([
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
      ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`],
      ['xl/workbook.xml', `<workbook ${ns}><workbookPr/><sheets><sheet name="代码表" sheetId="1" state="hidden" r:id="rId1"/><sheet name="结算明细" sheetId="2" r:id="rId2"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'worksheet', 'worksheets/sheet2.xml')}${rel('rId3', 'styles', 'styles.xml')}${rel('rId4', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`],
      ['xl/worksheets/sheet1.xml', `<worksheet ${ns}><sheetData>${row(1, [s('代码')])}</sheetData></worksheet>`],
      ['xl/worksheets/sheet2.xml', `<worksheet ${ns}><sheetData>${sheetData}</sheetData>${merges}</worksheet>`],
      ['xl/styles.xml', `<styleSheet ${ns}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`],
      ['xl/sharedStrings.xml', `<sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`],
    ]);
  }

  it('reads shared strings stored last, skips the hidden first sheet, and reads a date in a Chinese built-in format', async () => {
    const path = nextPath();
    await writeFile(path, excelStyleWorkbook());
    const table = await openOk(path);
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect(table.headerRowNumber).toBe(4);
    const rows = await allRows(table);
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 7]);
    expect(rows[0]?.cells).toEqual(['JS1', '320102199001011234', '张三', '2026-11-03', '1200.5', '800', '400.5']);
    expect(rows[1]?.cells[3]).toBe('2026-11-04 12:00:00');
  });
});

describe('XLSX without shared strings', () => {
  it('reads a workbook whose text is stored in the cells themselves', async () => {
    const path = nextPath();
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('结算明细');
    sheet.addRow(KNOWN_HEADERS).commit();
    sheet.addRow(settlement(1)).commit();
    await writer.commit();
    const rows = await allRows(await openOk(path));
    expect(rows.map((r) => r.cells.slice(0, 3))).toEqual([['JS1', '320102199001011234', '张三']]);
  });
});

describe('damaged workbooks', () => {
  it('refuses a workbook cut short in transfer', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', [settlement(1)]);
    const whole = await readFile(await write(workbook));
    const path = nextPath();
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await openTable(path, { expectedHeaders })).toMatchObject({ ok: false, message: expect.stringMatching(/^the workbook could not be read \(the file is incomplete/) });
  });

  it('fails with a TableReadError, not a hang, when the sheet data is corrupt', async () => {
    const workbook = new ExcelJS.Workbook();
    addSettlementSheet(workbook, '结算明细', Array.from({ length: 5000 }, (_, i) => settlement(i + 1)));
    const bytes = Buffer.from(await readFile(await write(workbook)));
    const sheetAt = bytes.indexOf('xl/worksheets/sheet1.xml');
    for (let i = sheetAt + 200; i < sheetAt + 400; i++) bytes[i] = 0x55; // the start of the deflated sheet
    const path = nextPath();
    await writeFile(path, bytes);
    const result = await openTable(path, { expectedHeaders });
    if (result.ok) {
      await expect(allRows(result.table)).rejects.toBeInstanceOf(TableReadError);
    } else {
      expect(result.message).toMatch(/^the workbook could not be read/);
    }
  });
});

/** A ZIP archive of deflated entries, in the given order: lets a test lay out an .xlsx exactly as Excel does. */
export function zipArchive(entries: readonly (readonly [name: string, content: string])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name);
    const raw = Buffer.from(content);
    const crc = crc32(raw);
    const data = deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
