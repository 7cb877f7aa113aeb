import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTable } from './index.js';

const ROWS = 300_000;
const HEADER = '结算流水号,身份证号码,姓名,结算日期,医疗机构名称,就医类别,医疗总费用(元),统筹基金支付(元),个人自付(元)';
const KNOWN = HEADER.split(',');

let dir: string;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shouwang-csv-memory-'));
  path = join(dir, 'settlements.csv');
  const out = createWriteStream(path);
  out.write(`南京市医疗保障局2026年11月医疗费用结算明细表\n${HEADER}\n`);
  for (let start = 0; start < ROWS; start += 10_000) {
    const lines: string[] = [];
    for (let n = start; n < start + 10_000; n++) {
      lines.push(`JS2026110${String(n).padStart(8, '0')},32010219900101${String(n % 10_000).padStart(4, '0')},张三${n % 97},2026-11-03,南京市鼓楼医院,住院,${(n % 5000) + 100}.50,${n % 3000}.00,100.50\n`);
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it('reads a 300,000-row CSV without holding it in memory', async () => {
  const result = await openTable(path, { expectedHeaders: (c) => c.filter((h) => KNOWN.includes(h)).length });
  if (!result.ok) throw new Error(result.message);
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let lastRowNumber = 0;
  for await (const row of result.table.rows()) {
    count++;
    lastRowNumber = row.rowNumber;
    if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  expect(count).toBe(ROWS);
  expect(lastRowNumber).toBe(ROWS + 2);
  // The file is about 30 MB of text, several times that as strings: reading it whole would exceed this.
  expect(peak).toBeLessThan(150 * 1024 * 1024);
});
