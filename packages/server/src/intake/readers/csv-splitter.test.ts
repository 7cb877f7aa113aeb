import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv-splitter.js';

/** Splits text fed in pieces cut at the given offsets. */
function split(text: string, cuts: readonly number[] = []): string[][] | string {
  const splitter = new CsvSplitter();
  const records: string[][] = [];
  let from = 0;
  for (const to of [...cuts, text.length]) {
    const pushed = splitter.push(text.slice(from, to));
    if (typeof pushed === 'string') return pushed;
    records.push(...pushed);
    from = to;
  }
  const last = splitter.end();
  if (typeof last === 'string') return last;
  if (last) records.push(last);
  return records;
}

describe('CsvSplitter', () => {
  it('splits fields and records on LF, CRLF and CR', () => {
    expect(split('a,b\nc,d\r\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps commas, line breaks and doubled quotes inside quotes', () => {
    expect(split('"a,1","b\r\nc","say ""hi"""\n')).toEqual([['a,1', 'b\r\nc', 'say "hi"']]);
  });

  it('counts an empty line as a record of one empty field, and a final line break as no record', () => {
    expect(split('a\n\n,\nb\n')).toEqual([['a'], [''], ['', ''], ['b']]);
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote, as Excel does', () => {
    expect(split('12"寸,"ab"c,""\n')).toEqual([['12"寸', 'abc', '']]);
  });

  it('ignores a byte-order mark at the start', () => {
    expect(split('\uFEFF结算流水号,姓名\n')).toEqual([['结算流水号', '姓名']]);
  });

  it('reports a quote that never closes', () => {
    expect(split('a,"b\nc,d\n')).toBe('quote-not-closed');
  });

  it('gives the same records wherever the chunks are cut', () => {
    const text = 'a,"b,""c""\r\nd"\r\n\r\n"",x\r"q"\n';
    const whole = split(text);
    for (let cut = 0; cut <= text.length; cut++) {
      for (let second = cut; second <= text.length; second += 3) expect(split(text, [cut, second])).toEqual(whole);
    }
  });

  it('agrees with csv-parse on well-formed CSV cut into random chunks', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const plain = ['', 'a', '张三', '12.3', ' x ', '320102199001011234'];
    const special = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '"', ','];
    for (let round = 0; round < 200; round++) {
      const lineBreak = pick(['\n', '\r\n']);
      const rows = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
          random() < 0.3 ? `"${pick(special).replace(/"/g, '""')}"` : pick(plain)));
      const text = rows.map((r) => r.join(',')).join(lineBreak) + (random() < 0.5 ? lineBreak : '');
      const cuts = Array.from({ length: 3 }, () => Math.floor(random() * text.length)).sort((a, b) => a - b);
      const expected = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
      expect(split(text, cuts), JSON.stringify(text)).toEqual(expected);
    }
  });
});
