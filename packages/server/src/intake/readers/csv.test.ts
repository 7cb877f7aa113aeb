import { mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MalformedCsvError, openTable, UndecodableError, type OpenedTable, type TableRow } from './index.js';

const KNOWN_HEADERS = ['结算流水号', '身份证号码', '姓名', '结算日期', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)'];
const expectedHeaders = (candidate: readonly string[]) => candidate.filter((h) => KNOWN_HEADERS.includes(h)).length;
const HEADER = KNOWN_HEADERS.join(',');
const TITLE = '南京市医疗保障局2026年11月医疗费用结算明细表';

function settlementLine(n: number): string {
  return `JS${String(n).padStart(8, '0')},320102199001011234,张三,2026-11-03,1200.50,800.00,400.50`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shouwang-csv-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

let fileCount = 0;
async function csvFile(content: string | Buffer): Promise<string> {
  const path = join(dir, `file-${++fileCount}.csv`);
  await writeFile(path, content);
  return path;
}

/** Files this process holds open that are under the test folder (Linux: /proc/self/fd). */
async function openTestFiles(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 50)); // a destroyed stream closes its file on a later tick
  const fds = await readdir('/proc/self/fd').catch(() => []);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(dir)).length;
}

async function openOk(path: string): Promise<OpenedTable> {
  const result = await openTable(path, { expectedHeaders });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.table;
}

async function allRows(table: OpenedTable, after?: number): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows({ after })) rows.push(row);
  return rows;
}

async function refusal(content: string | Buffer): Promise<{ message: string; messageZh: string }> {
  const result = await openTable(await csvFile(content), { expectedHeaders });
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

describe('CSV encodings', () => {
  const text = `${HEADER}\n${settlementLine(1)}\n${settlementLine(2)}\n`;

  it('reads UTF-8 without BOM', async () => {
    const table = await openOk(await csvFile(text));
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('utf-8');
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect(table.headerRowNumber).toBe(1);
    const rows = await allRows(table);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(rows[0]?.cells[2]).toBe('张三');
  });

  it('reads UTF-8 with BOM and keeps the BOM out of the first header', async () => {
    const table = await openOk(await csvFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.header[0]).toBe('结算流水号');
    expect((await allRows(table)).length).toBe(2);
  });

  it('reads GBK, detected from the bytes whatever the file is called', async () => {
    const table = await openOk(await csvFile(iconv.encode(text, 'gbk')));
    expect(table.encoding).toBe('gb18030');
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect((await allRows(table))[1]?.cells[2]).toBe('张三');
  });

  it('reads GB18030 characters outside GBK (rare surname characters)', async () => {
    const table = await openOk(await csvFile(iconv.encode(`${HEADER}\n${settlementLine(1).replace('张三', '王𠀾')}\n`, 'gb18030')));
    expect((await allRows(table))[0]?.cells[2]).toBe('王𠀾');
  });

  it('does not mistake a character cut at the 64 KB detection boundary for bad bytes', async () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      // "张" is 3 bytes in UTF-8 and 2 in GBK: shift the text until one straddles byte 65,536.
      for (let pad = 0; pad < 3; pad++) {
        const lines = [HEADER, ...Array.from({ length: 1200 }, (_, i) => settlementLine(i + 1))];
        const bytes = iconv.encode(`${'x'.repeat(pad)}${lines.join('\n')}\n`, encoding);
        const table = await openOk(await csvFile(bytes));
        expect(table.encoding).toBe(encoding === 'gbk' ? 'gb18030' : 'utf-8');
        expect((await allRows(table)).length).toBe(1200);
      }
    }
  });
});

describe('CSV header detection', () => {
  it('finds the header under a title line and blank lines, and numbers rows as Excel shows them', async () => {
    const table = await openOk(await csvFile(`${TITLE},,,,,,\n,,,,,,\n${HEADER}\n${settlementLine(1)}\n,,,,,,\n\n${settlementLine(2)}\n`));
    expect(table.headerRowNumber).toBe(3);
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect((await allRows(table)).map((r) => r.rowNumber)).toEqual([4, 7]);
  });

  it('resolves a two-level header exported with the merged cells left empty', async () => {
    const upper = '结算流水号,身份证号码,姓名,结算日期,费用信息,,';
    const lower = ',,,,医疗总费用(元),统筹基金支付(元),个人自付(元)';
    const table = await openOk(await csvFile(`${TITLE}\n${upper}\n${lower}\n${settlementLine(1)}\n`));
    expect(table.header).toEqual(KNOWN_HEADERS);
    expect(table.headerRowNumber).toBe(3);
    expect((await allRows(table))[0]?.rowNumber).toBe(4);
  });

  it('counts a quoted field spanning lines as one row', async () => {
    const table = await openOk(await csvFile(`${HEADER}\n"JS1",320102199001011234,"张\n三",2026-11-03,1,1,0\n${settlementLine(2)}\n`));
    const rows = await allRows(table);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(rows[0]?.cells[2]).toBe('张\n三');
  });

  it('refuses a file whose first 15 rows hold no known column name', async () => {
    const result = await refusal(`${TITLE}\n编号,名称\n1,甲\n`);
    expect(result.message).toBe("no header row found in the first 15 rows; the header must contain the department's column names");
    expect(result.messageZh).toContain('表头');
  });

  it('refuses a header below row 15', async () => {
    const result = await refusal(`${'\n'.repeat(15)}${HEADER}\n${settlementLine(1)}\n`);
    expect(result.message).toMatch(/^no header row found/);
  });
});

describe('CSV rows', () => {
  it('resumes after a given row', async () => {
    const lines = [TITLE, HEADER, ...Array.from({ length: 20 }, (_, i) => settlementLine(i + 1))];
    const table = await openOk(await csvFile(lines.join('\r\n')));
    const rows = await allRows(table, 17);
    expect(rows.map((r) => r.rowNumber)).toEqual([18, 19, 20, 21, 22]);
    expect(rows[0]?.cells[0]).toBe('JS00000016');
  });

  it('throws UndecodableError with the row number when invalid UTF-8 appears after the first 64 KB', async () => {
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => settlementLine(i + 1))];
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const row2500 = bytes.indexOf(settlementLine(2500));
    expect(row2500).toBeGreaterThan(64 * 1024);
    const broken = Buffer.concat([bytes.subarray(0, row2500 + 25), iconv.encode('李四', 'gbk'), bytes.subarray(row2500 + 25)]);
    const table = await openOk(await csvFile(broken));
    expect(table.encoding).toBe('utf-8');
    const error = await allRows(table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndecodableError);
    expect((error as UndecodableError).rowNumber).toBe(2501);
    expect((error as UndecodableError).message).toMatch(/^row 2501 contains bytes that are not valid UTF-8/);
  });

  it('throws UndecodableError for a GBK file with bytes GB18030 does not know', async () => {
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => settlementLine(i + 1))];
    const bytes = iconv.encode(`${lines.join('\n')}\n`, 'gbk');
    const at = bytes.indexOf(Buffer.from(settlementLine(2999).slice(0, 10)));
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const table = await openOk(await csvFile(broken));
    expect(table.encoding).toBe('gb18030');
    const error = await allRows(table).catch((e: unknown) => e);
    expect((error as UndecodableError).rowNumber).toBe(3000);
  });

  it('reports an undecodable byte inside a quoted field at the row where the field starts', async () => {
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => settlementLine(i + 1))];
    const good = Buffer.from(`${lines.join('\n')}\n"JS9","320102`);
    const table = await openOk(await csvFile(Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from('",x\n')])));
    const error = await allRows(table).catch((e: unknown) => e);
    expect((error as UndecodableError).rowNumber).toBe(3002);
  });

  it('keeps a genuine U+FFFD character and still finds the bad byte after it', async () => {
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => settlementLine(i + 1))];
    const text = Buffer.from(`${lines.join('\n')}\nJS1,\uFFFD,x\nJS2,`);
    const table = await openOk(await csvFile(Buffer.concat([text, Buffer.from([0xe5, 0x0a])])));
    const error = await allRows(table).catch((e: unknown) => e);
    expect((error as UndecodableError).rowNumber).toBe(3003);
  });

  it('throws MalformedCsvError at the row of a quote that never closes', async () => {
    const lines = [HEADER, ...Array.from({ length: 30 }, (_, i) => settlementLine(i + 1))];
    const table = await openOk(await csvFile(`${lines.join('\n')}\n"JS2,320102199001011234,李四\n${settlementLine(3)}\n`));
    const error = await allRows(table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedCsvError);
    expect((error as MalformedCsvError).rowNumber).toBe(32);
  });

  it('refuses a file whose header area cannot be split into fields', async () => {
    const result = await refusal(`${HEADER}\n${settlementLine(1)}\n"JS2,320102199001011234,李四\n`);
    expect(result.message).toMatch(/^row 3 is not valid CSV \(a quoted field never closes\)/);
  });

  it('keeps a stray quote inside a field, as Excel does', async () => {
    const table = await openOk(await csvFile(`${HEADER}\nJS1,320102199001011234,张"三,2026-11-03,1,1,0\n`));
    expect((await allRows(table))[0]?.cells[2]).toBe('张"三');
  });

  it('releases the file when the rows are not read, or not read to the end', async () => {
    const lines = [HEADER, ...Array.from({ length: 5000 }, (_, i) => settlementLine(i + 1))].join('\n');
    const unread = await openOk(await csvFile(lines));
    expect(await openTestFiles()).toBe(1);
    await unread.close?.();
    expect(await openTestFiles()).toBe(0);
    for await (const row of (await openOk(await csvFile(lines))).rows()) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    expect(await openTestFiles()).toBe(0);
  });
});

describe('refusals from the bytes', () => {
  it('refuses an empty file', async () => {
    expect((await refusal('')).message).toBe('the file is empty');
  });

  it('refuses an old .xls workbook', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await refusal(xls)).message).toBe('this is an old .xls workbook; save it as .xlsx or CSV and upload again');
  });

  it('refuses a password-protected workbook, which is not an .xls', async () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await refusal(encrypted)).message).toMatch(/password-protected/);
  });

  it('refuses UTF-16 text', async () => {
    expect((await refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]))).message).toMatch(/UTF-16/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', async () => {
    expect((await refusal(Buffer.from([0x41, 0x2c, 0xff, 0xff, 0x0a]))).message).toBe(
      'the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV (UTF-8) and upload again');
  });
});
