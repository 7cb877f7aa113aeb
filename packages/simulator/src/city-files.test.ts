import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NANJING, crossCheck, headerForms, normaliseHeader, parseResidentId, sourceById, validateRow, type MappedColumn, type SourceDefinition } from '@shouwang/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity } from './city.js';
import { cityFiles, formatCityFiles, type CityFile, type CityFiles } from './city-files.js';
import { ExpectationBuilder } from './expectation.js';

const TODAY = '2025-06-01';
const PERSONS = 51_000;
const SCALE = PERSONS / 510_000;
const dirs: string[] = [];
const dirFor = (name: string): string => {
  const dir = join(tmpdir(), `shouwang-city-files-${process.pid}-${name}`);
  dirs.push(dir);
  return dir;
};

let result: CityFiles;
beforeAll(async () => {
  result = await cityFiles(generateCity({ seed: 3, persons: PERSONS, today: TODAY }), { dir: dirFor('big'), today: TODAY });
}, 120_000);
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  for (const line of text.replace(/^\ufeff/, '').split('\r\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    records.push(cells);
  }
  return records;
}

async function recordsOf(file: CityFile): Promise<string[][]> {
  if (file.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const records: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      records.push(values);
    });
    return records;
  }
  const bytes = await readFile(file.path);
  return csvRecords(file.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8'));
}

/** The header row (the first row naming a required field) and the columns it maps to. */
function mapHeader(source: SourceDefinition, records: string[][]): { headerIndex: number; columns: MappedColumn[] } {
  const headerIndex = records.findIndex((r) => r.some((cell) => source.fields.some((f) => f.required && headerForms(f).has(normaliseHeader(cell)))));
  const header = records[headerIndex] ?? [];
  const columns = header.flatMap((cell, index) => {
    const field = source.fields.find((f) => headerForms(f).has(normaliseHeader(cell)));
    return field ? [{ field, index, header: cell }] : [];
  });
  return { headerIndex, columns };
}

const communities = new Set(NANJING.communities.map((c) => c.code));

describe('cityFiles', () => {
  it('writes every source in its loading order: the household register first, the death record last', () => {
    const order = result.files.map((f) => f.sourceId);
    expect(order[0]).toBe('household-registration');
    expect(order.at(-1)).toBe('death-record');
    for (const id of ['dibao-roster', 'social-insurance-contribution', 'bank-deposit', 'medical-settlement', 'hospitalisation']) expect(order).toContain(id);
    expect(order.indexOf('temporary-assistance')).toBeLessThan(order.indexOf('social-insurance-contribution'));
    expect(result.files.find((f) => f.sourceId === 'household-registration')).toMatchObject({ format: 'csv', encoding: 'gbk', rows: PERSONS, badRows: 0 });
    expect(result.files.find((f) => f.sourceId === 'dibao-roster')?.format).toBe('xlsx');
  });

  it("reproduces Nanjing's figures scaled to the city", () => {
    const { programmes: p, persons } = result.expected;
    const near = (value: number, target: number, tolerance: number) => expect(Math.abs(value / (target * SCALE) - 1), `${value} vs ${target * SCALE}`).toBeLessThan(tolerance);
    expect(persons).toBe(PERSONS);
    near(p.dibao.households, 45_000, 0.01);
    near(p.marginal.households, 3_490, 0.01);
    near(p.marginal.persons, 6_669, 0.1);
    near(p.special_hardship.persons, 6_000, 0.01);
    near(p.temporary_assistance.persons, 5_117, 0.03);
    near(p.temporary_assistance.averagePerPersonFen, 198_200 / SCALE, 0.06);
    expect(result.expected.groups['special-hardship-institutional']! / p.special_hardship.persons).toBeGreaterThan(0.2);
    expect(result.expected.groups['special-hardship-institutional']! / p.special_hardship.persons).toBeLessThan(0.4);
  });

  it('puts nearly every household in the database: only spoiled rows take a household out', () => {
    const { households, householdsInDatabase } = result.expected;
    const bad = result.files.reduce((sum, f) => sum + f.badRows, 0);
    expect(households - householdsInDatabase).toBeLessThanOrEqual(bad);
  });

  it('counts the injected problems', () => {
    const { conflicts, leads, deaths } = result.expected;
    expect(conflicts.id_in_two_households).toBeGreaterThanOrEqual(1);
    expect(conflicts.death_of_enrolled).toBeGreaterThanOrEqual(1);
    expect(conflicts.roster_without_household).toBeGreaterThanOrEqual(2);
    expect(leads).toBeGreaterThanOrEqual(6);
    expect(deaths).toBeGreaterThan(conflicts.death_of_enrolled);
    const bad = result.files.filter((f) => f.badRows > 0);
    expect(bad.length).toBeGreaterThanOrEqual(4);
    for (const f of bad) expect(f.badRows / f.rows).toBeLessThan(0.02);
  });

  it('writes rows that all pass validation except the counted bad ones, and whose counts are the expected ones', async () => {
    const builder = new ExpectationBuilder(TODAY);
    for (const file of result.files) {
      const source = sourceById(file.sourceId) as SourceDefinition;
      const records = await recordsOf(file);
      const { headerIndex, columns } = mapHeader(source, records);
      expect(headerIndex, file.sourceId).toBeGreaterThanOrEqual(0);
      expect(source.fields.filter((f) => f.required).every((f) => columns.some((c) => c.field === f)), file.sourceId).toBe(true);
      const data = records.slice(headerIndex + 1);
      expect(data.length, file.sourceId).toBe(file.rows);
      let refused = 0;
      for (const cells of data) {
        const validated = validateRow(columns, cells, { today: TODAY, isKnownCommunity: (code) => communities.has(code) });
        if (!validated.ok || crossCheck(source, validated.values, columns).length > 0) {
          refused++;
          continue;
        }
        builder.add(file.sourceId, validated.values);
      }
      expect(refused, file.sourceId).toBe(file.badRows);
    }
    expect(builder.build(result.expected.files)).toEqual(result.expected);
  }, 120_000);

  it('writes the household register in GBK with the public security headers', async () => {
    const file = result.files[0] as CityFile;
    const text = iconv.decode(await readFile(file.path), 'gbk');
    expect(text.split('\r\n')[0]).toBe('户口簿户号,公民身份号码,姓名,与户主关系,户籍地详址,居(村)委会代码,入户日期,人口状态,联系电话');
    const first = csvRecords(text)[1] as string[];
    expect(parseResidentId(first[1] as string, TODAY).ok).toBe(true);
  });

  it('prints each file and the counts', () => {
    const lines = formatCityFiles(result);
    expect(lines[0]).toMatch(/^source\s+format\s+encoding\s+rows\s+bad\s+file$/);
    expect(lines.some((l) => l.startsWith('household-registration') && l.includes('51,000'))).toBe(true);
    expect(lines.some((l) => l.startsWith('dibao '))).toBe(true);
    expect(lines.some((l) => l.startsWith('conflicts: id_in_two_households'))).toBe(true);
  });

  it('writes the same files from the same seed', async () => {
    const city = generateCity({ seed: 9, persons: 3_000, today: TODAY });
    // CSV byte for byte; XLSX cell for cell (the zip carries the time it was written).
    const contentOf = async (f: CityFile): Promise<string> => {
      if (f.format === 'csv') return createHash('sha256').update(await readFile(f.path)).digest('hex');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(f.path);
      const cells: unknown[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(row.values)));
      return createHash('sha256').update(JSON.stringify(cells)).digest('hex');
    };
    const digest = async (files: CityFiles) => Promise.all(files.files.map(contentOf));
    const a = await cityFiles(city, { dir: dirFor('a'), today: TODAY });
    const b = await cityFiles(generateCity({ seed: 9, persons: 3_000, today: TODAY }), { dir: dirFor('b'), today: TODAY });
    expect(await digest(b)).toEqual(await digest(a));
    expect(b.expected).toEqual(a.expected);
  }, 60_000);
});
