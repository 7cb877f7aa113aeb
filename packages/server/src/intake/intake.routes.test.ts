import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createHousehold, settlementCsv, type TestHousehold } from '../../test/factories.js';
import { ApiKeyService } from '../accounts/api-key.service.js';
import { buildApp } from '../http/app.js';

const COMMUNITY = '320102002001';

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer | string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----shouwangtest';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(DIALECTS)('intake API on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let cookie: string;
  let family: TestHousehold;

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    app = await buildApp(ctx, { logger: false });
    family = await createHousehold(ctx, { communityCode: COMMUNITY, annualIncomeFen: 3_000_000 });
    await ctx.accounts.createUser({ username: 'steward', displayName: 'S', password: 'pw-steward-1', role: 'city_admin', territoryCodes: ['3201'] });
    await ctx.accounts.createUser({ username: 'worker', displayName: 'W', password: 'pw-worker-1', role: 'social_worker', territoryCodes: [COMMUNITY] });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'steward', password: 'pw-steward-1' } });
    cookie = `sw_session=${res.cookies.find((c) => c.name === 'sw_session')!.value}`;
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  const upload = (fields: Record<string, string>, file: { name: string; content: Buffer | string }, who = cookie) => {
    const body = multipart(fields, file);
    return app.inject({ method: 'POST', url: '/api/intake/batches', payload: body.payload, headers: { ...body.headers, cookie: who } });
  };

  it('turns rejects into an Excel file with a reason column, and links the corrected upload to the original batch', async () => {
    const bad = family.headResidentId.slice(0, 17);
    const first = await upload({ source: 'medical-settlement' }, { name: 'nov.csv', content: settlementCsv([
      { no: 'R1', id: family.headResidentId, date: '2026-11-20', total: '100', reimbursed: '50', oop: '50' },
      { no: 'R2', id: bad, date: '2026-11-21', total: '100', reimbursed: '50', oop: '50' },
    ]) });
    expect(first.statusCode).toBe(200);
    const batch = first.json();
    expect(batch).toMatchObject({ status: 'applied', accepted: 1, rejected: 1, format: 'csv', channel: 'upload' });

    const xlsx = await app.inject({ method: 'GET', url: `/api/intake/batches/${batch.id}/rejects.xlsx`, headers: { cookie } });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['结算流水号', '身份证号码', '错误列', '错误原因']));
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('身份证号码') + 1).text).toBe(bad);
    expect(row.getCell(header.indexOf('错误原因') + 1).text).toMatch(/身份证号码/);

    // The steward fixes the ID in the downloaded sheet and uploads it back, linked to the original batch.
    row.getCell(header.indexOf('身份证号码') + 1).value = family.headResidentId;
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const second = await upload({ source: 'medical-settlement', corrects: batch.id }, { name: 'nov-fixed.xlsx', content: fixed });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'applied', format: 'xlsx', accepted: 1, rejected: 0, correctsBatchId: batch.id });
  });

  it('refuses a file of the wrong source with 422 and a message naming the missing columns', async () => {
    const res = await upload({ source: 'medical-settlement' }, { name: 'x.csv', content: '姓名,残疾等级\r\n张三,二级\r\n' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ id: 'file_refused' });
    expect(res.json().message).toMatch(/结算流水号/);
  });

  it('lets only a city administrator upload', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: 'pw-worker-1' } });
    const workerCookie = `sw_session=${login.cookies.find((c) => c.name === 'sw_session')!.value}`;
    const res = await upload({ source: 'medical-settlement' }, { name: 'x.csv', content: 'a' }, workerCookie);
    expect(res.statusCode).toBe(403);
  });

  it('takes JSON and NDJSON from an integration key, for its own source only, once per idempotency key', async () => {
    const { key } = await new ApiKeyService(ctx.db.kysely).create('医保局接口', 'medical-settlement');
    const records = [{ settlementNo: 'J1', residentId: family.headResidentId, name: '张建国', settledOn: '2026-11-02', totalFen: '800.00', reimbursedFen: '500', outOfPocketFen: '300' }];
    const post = (url: string, payload: string, headers: Record<string, string>) => app.inject({ method: 'POST', url, payload, headers });

    const first = await post('/api/intake/sources/medical-settlement/records', JSON.stringify(records), { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'req-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'applied', accepted: 1, format: 'json', channel: 'api' });
    const retried = await post('/api/intake/sources/medical-settlement/records', JSON.stringify(records), { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'req-1' });
    expect(retried.json().id).toBe(first.json().id);

    const ndjson = [
      JSON.stringify({ 结算流水号: 'J2', 身份证号码: family.headResidentId, 姓名: '张建国', 结算日期: '2026-11-03', '医疗总费用(元)': 100, '统筹基金支付(元)': 60, '个人自付(元)': 40 }),
      JSON.stringify({ settlementNo: 'J3', residentId: '123', name: 'x', settledOn: '2026-11-03', totalFen: 1, reimbursedFen: 0, outOfPocketFen: 1 }),
    ].join('\n');
    const second = await post('/api/intake/sources/medical-settlement/records', ndjson, { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' });
    expect(second.json()).toMatchObject({ status: 'applied', accepted: 1, rejected: 1 });

    const otherSource = await post('/api/intake/sources/disability-certificate/records', '[]', { authorization: `Bearer ${key}`, 'content-type': 'application/json' });
    expect(otherSource.statusCode).toBe(403);
    const noKey = await post('/api/intake/sources/medical-settlement/records', '[]', { 'content-type': 'application/json' });
    expect(noKey.statusCode).toBe(401);
  });

  it('refuses malformed NDJSON whole, naming the line', async () => {
    const { key } = await new ApiKeyService(ctx.db.kysely).create('x', 'medical-settlement');
    const res = await app.inject({ method: 'POST', url: '/api/intake/sources/medical-settlement/records', payload: '{"settlementNo":"A"}\n{oops',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/line 2/);
    const records = await ctx.db.kysely.selectFrom('intake_record').select('record_key').execute();
    expect(records).toEqual([]);
  });

  it('reports each source on the monitor, overdue when it has not delivered within its cadence', async () => {
    await upload({ source: 'medical-settlement' }, { name: 'a.csv', content: settlementCsv([{ no: 'M1', id: family.headResidentId, date: '2026-11-20', total: '10', reimbursed: '5', oop: '5' }]) });
    const res = await app.inject({ method: 'GET', url: '/api/intake/sources/status', headers: { cookie } });
    const items = res.json().items as { id: string; overdue: boolean; lastBatch: { accepted: number } | null }[];
    expect(items.length).toBeGreaterThanOrEqual(27);
    expect(items.find((i) => i.id === 'medical-settlement')).toMatchObject({ overdue: false, lastBatch: { accepted: 1 } });
    expect(items.find((i) => i.id === 'disability-certificate')).toMatchObject({ overdue: true, lastBatch: null });
  });
});
