import { describe, expect, it } from 'vitest';
import { findHeaderBlock } from './header-block.js';
import type { TableRow } from './table-row.js';

const KNOWN = ['结算流水号', '姓名', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)', '费用信息个人自付(元)'];
const score = (candidate: readonly string[]) => candidate.filter((h) => KNOWN.includes(h)).length;

const rows = (...cells: string[][]): TableRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe('findHeaderBlock', () => {
  it('takes the single row that names the most known columns', () => {
    const block = findHeaderBlock(rows(['南京市医疗保障局结算明细表', '', ''], ['结算流水号', '姓名', '医疗总费用(元)'], ['JS1', '张三', '12.3']), score);
    expect(block).toMatchObject({ names: ['结算流水号', '姓名', '医疗总费用(元)'], firstRowNumber: 2, lastRowNumber: 2 });
  });

  it('names each column of a two-level header by its sub-header, or by the cell merged over both rows', () => {
    const block = findHeaderBlock(rows(
      ['结算流水号', '姓名', '费用信息', '', ''],
      ['', '', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)'],
      ['JS1', '张三', '12.3', '10', '2.3'],
    ), score);
    expect(block).toMatchObject({ names: ['结算流水号', '姓名', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)'], firstRowNumber: 1, lastRowNumber: 2 });
  });

  it('joins group and sub-header only when that names more known columns', () => {
    const only = ['结算流水号', '费用信息个人自付(元)'];
    const block = findHeaderBlock(rows(['结算流水号', '费用信息', ''], ['', '医疗总费用', '个人自付(元)']), (c) => c.filter((h) => only.includes(h)).length);
    expect(block?.names).toEqual(['结算流水号', '费用信息医疗总费用', '费用信息个人自付(元)']);
  });

  it('prefers the single header row to a pair that takes in the title above or a data row below', () => {
    const block = findHeaderBlock(rows(['结算明细', '', '', ''], ['结算流水号', '姓名', '', '医疗总费用(元)'], ['JS1', '张三', '', '']), score);
    expect(block).toMatchObject({ firstRowNumber: 2, lastRowNumber: 2, names: ['结算流水号', '姓名', '', '医疗总费用(元)'] });
  });

  it('takes the earliest of equally good headers', () => {
    const header = ['结算流水号', '姓名'];
    expect(findHeaderBlock(rows(header, ['JS1', '张三'], header), score)?.lastRowNumber).toBe(1);
  });

  it('does not pair rows with a blank row between them', () => {
    const block = findHeaderBlock([{ rowNumber: 1, cells: ['结算流水号', '费用信息'] }, { rowNumber: 3, cells: ['', '个人自付(元)'] }], score);
    expect(block?.lastRowNumber).toBe(1);
  });

  it('finds nothing when no row names a known column', () => {
    expect(findHeaderBlock(rows(['编号', '名称'], ['1', '甲']), score)).toBeUndefined();
  });
});
