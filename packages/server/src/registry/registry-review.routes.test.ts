import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeResidentId } from '@shouwang/domain';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { departmentCsv } from '../../test/factories.js';
import { buildApp } from '../http/app.js';

const COMMUNITY = '320102002001';
const HEAD = composeResidentId('320102', '1966-04-04', 21, 'male');
const LATECOMER = composeResidentId('320102', '1971-08-08', 22, 'female');
const STRANGER = composeResidentId('320106', '1975-10-10', 23, 'male');
const register = (householdNo: string, residentId: string, name: string) => ({
  householdNo, residentId, name, relationToHead: '户主', address: '南京市玄武区珠江路100号', communityCode: COMMUNITY, movedInOn: '2001-01-01', registrationStatus: '正常',
});

describe.each(DIALECTS)('the data-quality queue and leads over HTTP on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: string;
  let worker: string;

  const deliver = (sourceId: string, rows: readonly Record<string, string>[]) =>
    ctx.deliveries.deliver({ sourceId, fileName: `${sourceId}.csv`, file: { bytes: departmentCsv(sourceId, rows) }, channel: 'cli', submittedBy: null });
  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    return `sw_session=${res.cookies.find((c) => c.name === 'sw_session')!.value}`;
  };

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    app = await buildApp(ctx, { logger: false });
    await ctx.accounts.createUser({ username: 'admin', displayName: 'A', password: 'pw-admin-1', role: 'city_admin', territoryCodes: ['3201'] });
    await ctx.accounts.createUser({ username: 'worker', displayName: 'W', password: 'pw-worker-1', role: 'social_worker', territoryCodes: [COMMUNITY] });
    admin = await login('admin', 'pw-admin-1');
    worker = await login('worker', 'pw-worker-1');
    await deliver('household-registration', [register('HJ1', HEAD, '周文斌')]);
    await deliver('worker-in-difficulty', [{ archiveNo: 'GH-7', residentId: LATECOMER, name: '吴晓梅', category: '相对困难', filedOn: '2026-10-10', communityCode: COMMUNITY }]);
    // 30,000 yuan out of pocket for someone the database does not hold.
    await deliver('medical-settlement', [{ settlementNo: 'YB-9', residentId: STRANGER, name: '孙大伟', settledOn: '2026-11-20', visitType: '住院', totalFen: '90000.00', reimbursedFen: '60000.00', outOfPocketFen: '30000.00' }]);
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('lists a roster person with no household, refuses to re-apply until the register has her, then applies and closes it', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/registry/issues', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const [issue] = list.json().items;
    expect(list.json()).toMatchObject({ total: 1, byKind: { roster_without_household: 1 } });
    expect(issue).toMatchObject({ kind: 'roster_without_household', name: '吴晓梅', status: 'open', sourceId: 'worker-in-difficulty', rowNumber: 2, reasonZh: '户籍信息中查无此人' });
    expect(issue.residentId).not.toBe(LATECOMER);
    expect(JSON.stringify(list.json())).not.toContain(LATECOMER);

    const early = await app.inject({ method: 'POST', url: `/api/registry/issues/${issue.id}/resolve`, headers: { cookie: admin }, payload: { action: 'reapply', note: '户籍已补录' } });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ id: 'no_household_yet', message: expect.stringContaining('still has no household') as unknown });

    await deliver('household-registration', [register('HJ2', LATECOMER, '吴晓梅')]);
    const done = await app.inject({ method: 'POST', url: `/api/registry/issues/${issue.id}/resolve`, headers: { cookie: admin }, payload: { action: 'reapply', note: '户籍已补录' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', resolutionNote: '户籍已补录' });
    const membership = await ctx.db.kysely.selectFrom('group_membership').select(['group_id', 'status']).where('source_id', '=', 'worker-in-difficulty').execute();
    expect(membership).toEqual([{ group_id: 'worker-in-difficulty', status: 'active' }]);
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'data_quality.%').execute();
    expect(audit).toEqual([{ action: 'data_quality.reapply', subject_id: issue.id }]);

    const again = await app.inject({ method: 'POST', url: `/api/registry/issues/${issue.id}/resolve`, headers: { cookie: admin }, payload: { action: 'resolve', note: 'again' } });
    expect(again.statusCode).toBe(409);
  });

  it('adds a lead to the database: a household in the chosen community, its records linked and evaluated', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/registry/leads', headers: { cookie: admin } });
    const [lead] = list.json().items;
    expect(lead).toMatchObject({ name: '孙大伟', status: 'open', maxAmountFen: 3_000_000, kinds: ['hospitalisation', 'medical_expense'], signalCount: 2 });
    expect(lead.evidence).toHaveLength(2);

    const bad = await app.inject({ method: 'POST', url: `/api/registry/leads/${lead.id}/review`, headers: { cookie: admin }, payload: { action: 'add', communityCode: '999999999999', address: '南京市玄武区某路1号' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: 'communityCode', message: 'unknown community code' }]);

    const added = await app.inject({ method: 'POST', url: `/api/registry/leads/${lead.id}/review`, headers: { cookie: admin }, payload: { action: 'add', communityCode: COMMUNITY, address: '南京市玄武区珠江路7号' } });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ status: 'added', householdId: expect.any(String) });
    const householdId = added.json().householdId as string;
    const signals = await ctx.db.kysely.selectFrom('signal').select(['household_id']).where('record_key', '=', 'YB-9').execute();
    expect(signals.map((s) => s.household_id)).toEqual([householdId, householdId]);
    // The household has no income on record: the 30,000-yuan bill is a catastrophic burden and raises a warning.
    const warnings = await ctx.db.kysely.selectFrom('warning').select(['household_id', 'community_code']).execute();
    expect(warnings).toEqual([{ household_id: householdId, community_code: COMMUNITY }]);
    const overview = await app.inject({ method: 'GET', url: '/api/registry/overview', headers: { cookie: admin } });
    expect(overview.json()).toMatchObject({ households: 2, openLeads: 0, openIssues: 1 });
  });

  it('dismisses a lead only with a reason, and keeps the queues from other roles', async () => {
    const [lead] = (await app.inject({ method: 'GET', url: '/api/registry/leads', headers: { cookie: admin } })).json().items;
    const noReason = await app.inject({ method: 'POST', url: `/api/registry/leads/${lead.id}/review`, headers: { cookie: admin }, payload: { action: 'dismiss', reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await app.inject({ method: 'POST', url: `/api/registry/leads/${lead.id}/review`, headers: { cookie: admin }, payload: { action: 'dismiss', reason: '非本市户籍，已转户籍地' } });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', reviewReason: '非本市户籍，已转户籍地' });
    expect((await app.inject({ method: 'GET', url: '/api/registry/leads', headers: { cookie: admin } })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/registry/leads?status=closed', headers: { cookie: admin } })).json().total).toBe(1);

    expect((await app.inject({ method: 'GET', url: '/api/registry/leads', headers: { cookie: worker } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/registry/issues', headers: { cookie: worker } })).statusCode).toBe(403);
    const overview = await app.inject({ method: 'GET', url: '/api/registry/overview', headers: { cookie: worker } });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ persons: 1, households: 1 });
  });
});
