import { hostname } from 'node:os';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createHousehold, settlementCsv, type TestHousehold } from '../../test/factories.js';
import { IntakeRepository } from './intake.repository.js';
import { openPayload } from './payload-blocks.js';

const COMMUNITY = '320102002001';
const SOURCE = 'medical-settlement';

describe.each(DIALECTS)('medical settlement intake on %s', (dialect) => {
  let ctx: TestContext;
  let family: TestHousehold;

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    // 30,000 yuan a year: a 20,000-yuan out-of-pocket bill is two thirds of it.
    family = await createHousehold(ctx, { communityCode: COMMUNITY, annualIncomeFen: 3_000_000, members: 2 });
  });
  afterEach(async () => ctx.dispose());

  const ingest = (csv: string | Buffer, fileName = 'settlements.csv') =>
    ctx.deliveries.deliver({ sourceId: SOURCE, fileName, file: { bytes: typeof csv === 'string' ? Buffer.from(csv) : csv }, channel: 'upload', submittedBy: null });

  async function countRows() {
    const k = ctx.db.kysely;
    const n = async (table: 'signal' | 'warning' | 'intake_record' | 'intake_reject') =>
      Number((await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { signals: await n('signal'), warnings: await n('warning'), records: await n('intake_record'), rejects: await n('intake_reject') };
  }

  it('applies valid rows, keeps each bad row with its row, column and reason, and raises an explained warning', async () => {
    const badCheckDigit = family.headResidentId.slice(0, 17) + (family.headResidentId.endsWith('0') ? '1' : '0');
    const outcome = await ingest(settlementCsv([
      { no: 'YB001', id: family.headResidentId, date: '2026-11-20', total: '50000.00', reimbursed: '30000.00', oop: '20000.00' },
      { no: 'YB002', id: badCheckDigit, date: '2026-11-21', total: '100', reimbursed: '50', oop: '50' },
      { no: 'YB003', id: family.headResidentId, date: '2026-02-30', total: '100', reimbursed: '50', oop: '50' },
      { no: 'YB004', id: family.headResidentId, date: '2026-11-22', total: '100', reimbursed: '50', oop: '' },
      { no: 'YB005', id: family.headResidentId, date: '2026-11-22', total: '100', reimbursed: '50', oop: '-5' },
    ]));
    expect(outcome.status).toBe('applied');
    if (outcome.status !== 'applied') return;
    expect(outcome.batch).toMatchObject({ rows: 5, accepted: 1, rejected: 4, unchanged: 0, signals: 2 });

    const rejects = await new IntakeRepository(ctx.db.kysely).rejects(outcome.batch.id, 100);
    const seen = rejects.map((r) => [r.row_number, r.column_name, r.rule, ctx.keys.decrypt(r.value_enc)]);
    expect(seen).toEqual([
      [3, '身份证号码', 'resident_id.check_digit', badCheckDigit],
      [4, '结算日期', 'date.invalid', '2026-02-30'],
      [5, '个人自付(元)', 'required', ''],
      [6, '个人自付(元)', 'amount.invalid', '-5'],
    ]);

    // The record is stored encrypted, as the canonical values in the source's field order.
    const stored = await ctx.db.kysely.selectFrom('intake_record').select(['payload_enc', 'payload_block', 'payload_index', 'source_version']).where('record_key', '=', 'YB001').executeTakeFirstOrThrow();
    const blocks = await ctx.db.kysely.selectFrom('intake_payload_block').select('payloads_enc').execute();
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block.payloads_enc).not.toContain(family.headResidentId);
    expect(await openPayload(ctx.db.kysely, ctx.keys, stored)).toEqual(['YB001', family.headResidentId, '张建国', '2026-11-20', '南京鼓楼医院', '住院', 5_000_000, 3_000_000, 2_000_000]);
    expect(stored.source_version).toBe(1);

    expect(outcome.changes).toHaveLength(1);
    const warning = outcome.changes[0]!.warning;
    expect(warning).toMatchObject({ household_id: family.id, community_code: COMMUNITY, situation: 'illness', key_figure_fen: 2_000_000, status: 'open' });
    const explanation = JSON.parse(warning.explanation);
    expect(explanation.conditions.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(explanation.conditions.map((c: { value: number; threshold: number }) => [c.value, c.threshold])).toContainEqual([2_000_000, 1_500_000]);
    expect(explanation.evidence).toEqual([expect.objectContaining({ recordKey: 'YB001', rowNumber: 2, batchId: outcome.batch.id, amountFen: 2_000_000 })]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const csv = settlementCsv([{ no: 'YB010', id: family.headResidentId, date: '2026-11-20', total: '50000', reimbursed: '30000', oop: '20000' }]);
    const first = await ingest(csv);
    const before = await countRows();
    const second = await ingest(csv, 'same-file-renamed.csv');
    expect(second.status).toBe('duplicate');
    if (second.status === 'duplicate') expect(second.original.id).toBe(first.status === 'applied' ? first.batch.id : '');
    expect(await countRows()).toEqual(before);
  });

  it('treats a re-sent unchanged record as a no-op and a changed one as a new version', async () => {
    const row = { no: 'YB020', id: family.headResidentId, date: '2026-11-20', total: '50000', reimbursed: '30000', oop: '20000' };
    await ingest(settlementCsv([row]));
    const resent = await ingest(settlementCsv([row, { ...row, no: 'YB021', oop: '10', total: '10', reimbursed: '0', type: '门诊' }]));
    expect(resent.status === 'applied' && resent.batch).toMatchObject({ accepted: 1, unchanged: 1 });

    const corrected = await ingest(settlementCsv([{ ...row, oop: '25000', total: '55000' }]));
    expect(corrected.status === 'applied' && corrected.batch).toMatchObject({ accepted: 1, unchanged: 0 });
    const versions = await ctx.db.kysely.selectFrom('intake_record').select(['version', 'is_current']).where('record_key', '=', 'YB020').orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, is_current: 0 }, { version: 2, is_current: 1 }]);
    // Still one episode: the corrected amount updates the same warning.
    const warnings = await ctx.db.kysely.selectFrom('warning').select(['key_figure_fen']).execute();
    expect(warnings).toEqual([{ key_figure_fen: 2_500_000 + 1_000 }]);
  });

  it('reads a GBK file, detected from its bytes', async () => {
    const csv = settlementCsv([{ no: 'YB030', id: family.headResidentId, name: '张建国', date: '2026-11-20', total: '50000', reimbursed: '30000', oop: '20000' }]);
    const outcome = await ingest(iconv.encode(csv, 'gbk'), 'settlements.txt');
    expect(outcome.status === 'applied' && outcome.batch).toMatchObject({ encoding: 'gb18030', accepted: 1 });
  });

  it('refuses a file of another source before applying anything, saying which columns are missing', async () => {
    const outcome = await ingest('姓名,身份证号码,残疾等级\r\n张三,320102196001010011,二级\r\n');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.batch.refusal).toMatch(/结算流水号.*missing/);
    expect(await countRows()).toEqual({ signals: 0, warnings: 0, records: 0, rejects: 0 });
  });

  it('refuses an empty file and a header without data', async () => {
    expect(await ingest('')).toMatchObject({ status: 'refused', batch: { refusal: 'the file is empty' } });
    expect(await ingest('结算流水号,身份证号码,姓名,结算日期,医疗总费用(元),统筹基金支付(元),个人自付(元)\r\n'))
      .toMatchObject({ status: 'refused', batch: { refusal: 'the file has a header row but no data rows' } });
  });

  it('rejects a settlement number repeated inside one file', async () => {
    const row = { no: 'YB040', id: family.headResidentId, date: '2026-11-20', total: '100', reimbursed: '50', oop: '50' };
    const outcome = await ingest(settlementCsv([row, { ...row, oop: '60', total: '110' }]));
    expect(outcome.status === 'applied' && outcome.batch).toMatchObject({ accepted: 1, rejected: 1 });
    const rejects = await new IntakeRepository(ctx.db.kysely).rejects(outcome.status === 'applied' ? outcome.batch.id : '', 10);
    expect(rejects[0]).toMatchObject({ rule: 'record_key.duplicate', reason: 'the same 结算流水号 already appears in row 2 of this file', reason_zh: '结算流水号与本文件第 2 行重复' });
  });

  it('does not warn a household whose out-of-pocket cost is small against its income', async () => {
    const outcome = await ingest(settlementCsv([{ no: 'YB050', id: family.headResidentId, date: '2026-11-20', total: '9000', reimbursed: '3000', oop: '6000' }]));
    expect(outcome.status === 'applied' && outcome.changes).toEqual([]);
  });
});

describe.each(DIALECTS)('workbooks and batch claims on %s', (dialect) => {
  let ctx: TestContext;
  let family: TestHousehold;
  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    family = await createHousehold(ctx, { communityCode: COMMUNITY, annualIncomeFen: 3_000_000 });
  });
  afterEach(async () => ctx.dispose());

  it('imports an XLSX with a merged title row and a two-level merged header, reporting Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('11月结算');
    sheet.addRow(['南京市医疗保障局2026年11月医疗费用结算明细表']);
    sheet.mergeCells('A1:I1');
    sheet.addRow(['结算流水号', '身份证号码', '姓名', '结算日期', '医疗机构名称', '就医类别', '费用信息', '', '']);
    sheet.addRow(['', '', '', '', '', '', '医疗总费用(元)', '统筹基金支付(元)', '个人自付(元)']);
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) sheet.mergeCells(`${col}2:${col}3`);
    sheet.mergeCells('G2:I2');
    sheet.addRow(['X1', family.headResidentId, '张建国', '2026-11-20', '南京鼓楼医院', '住院', 50000, 30000, 20000]);
    sheet.addRow(['X2', family.headResidentId.slice(0, 17), '张建国', '2026-11-21', '南京鼓楼医院', '门诊', 100, 50, 50]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await ctx.deliveries.deliver({ sourceId: SOURCE, fileName: '11月结算.xlsx', file: { bytes }, channel: 'upload', submittedBy: null });
    expect(outcome.status === 'applied' && outcome.batch).toMatchObject({ format: 'xlsx', rows: 2, accepted: 1, rejected: 1, header_row: 3 });
    const rejects = await new IntakeRepository(ctx.db.kysely).rejects(outcome.status === 'applied' ? outcome.batch.id : '', 10);
    expect(rejects.map((r) => [r.row_number, r.column_name, r.rule])).toEqual([[5, '身份证号码', 'resident_id.length']]);
    expect(outcome.status === 'applied' && outcome.changes.length).toBe(1);
  });

  async function pendingBatchHeldBy(owner: string) {
    const csv = settlementCsv([{ no: 'L1', id: family.headResidentId, date: '2026-11-20', total: '100', reimbursed: '50', oop: '50' }]);
    const receipt = await ctx.deliveries.receiver.receive({ sourceId: SOURCE, fileName: 'l.csv', file: { bytes: Buffer.from(csv) }, channel: 'cli', submittedBy: null });
    if (receipt.status !== 'received') throw new Error(receipt.status);
    await ctx.db.kysely.updateTable('intake_batch').set({ lease_owner: owner, lease_until: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', receipt.batch.id).execute();
    return receipt.batch.id;
  }

  it('leaves a batch alone while another live process holds its claim', async () => {
    const id = await pendingBatchHeldBy('another-host:4242');
    expect(await ctx.deliveries.apply(id)).toMatchObject({ status: 'busy' });
    const records = await ctx.db.kysely.selectFrom('intake_record').select('record_key').execute();
    expect(records).toEqual([]);
  });

  it('takes over the claim of a process of this host that no longer runs', async () => {
    const id = await pendingBatchHeldBy(`${hostname()}:2147483646`);
    expect(await ctx.deliveries.apply(id)).toMatchObject({ status: 'applied', batch: { accepted: 1, lease_owner: null } });
  });
});
