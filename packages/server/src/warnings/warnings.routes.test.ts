import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createHousehold, settlementCsv } from '../../test/factories.js';
import { buildApp } from '../http/app.js';

const MINE = '320102002001';
const OTHER = '320106001003';

describe.each(DIALECTS)('worklist scope on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let mineId: string;
  let otherId: string;

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    app = await buildApp(ctx, { logger: false });
    const mine = await createHousehold(ctx, { communityCode: MINE, annualIncomeFen: 2_000_000, headName: '李秀英' });
    const other = await createHousehold(ctx, { communityCode: OTHER, annualIncomeFen: 2_000_000, headName: '赵德明' });
    const outcome = await ctx.deliveries.deliver({
      sourceId: 'medical-settlement', fileName: 'a.csv', submittedBy: null, channel: 'upload',
      file: { bytes: Buffer.from(settlementCsv([
        { no: 'A1', id: mine.headResidentId, date: '2026-11-01', total: '40000', reimbursed: '20000', oop: '20000' },
        { no: 'A2', id: other.headResidentId, date: '2026-11-01', total: '40000', reimbursed: '20000', oop: '20000' },
      ])) },
    });
    if (outcome.status !== 'applied') throw new Error('fixture import failed');
    mineId = outcome.changes.find((c) => c.warning.community_code === MINE)!.warning.id;
    otherId = outcome.changes.find((c) => c.warning.community_code === OTHER)!.warning.id;
    await ctx.accounts.createUser({ username: 'worker', displayName: 'W', password: 'pw-worker-1', role: 'social_worker', territoryCodes: [MINE] });
    await ctx.accounts.createUser({ username: 'admin', displayName: 'A', password: 'pw-admin-1', role: 'city_admin', territoryCodes: ['3201'] });
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  async function login(username: string, password: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    return `sw_session=${cookie!.value}`;
  }

  it("shows a social worker his community's warning and hides another community's, in the list and by id", async () => {
    const cookie = await login('worker', 'pw-worker-1');
    const list = await app.inject({ method: 'GET', url: '/api/warnings', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: mineId, headName: '李秀英', communityCode: MINE }] });

    const own = await app.inject({ method: 'GET', url: `/api/warnings/${mineId}`, headers: { cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json().explanation.conditions.length).toBeGreaterThan(0);

    const foreign = await app.inject({ method: 'GET', url: `/api/warnings/${otherId}`, headers: { cookie } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ id: 'not_found', message: 'Warning not found.' });
  });

  it('shows the city administrator every warning with names masked in the list', async () => {
    const cookie = await login('admin', 'pw-admin-1');
    const list = await app.inject({ method: 'GET', url: '/api/warnings', headers: { cookie } });
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((w: { headName: string }) => w.headName).sort()).toEqual(['李**', '赵**']);
  });

  it('audits the read when a warning is opened', async () => {
    const cookie = await login('worker', 'pw-worker-1');
    await app.inject({ method: 'GET', url: `/api/warnings/${mineId}`, headers: { cookie } });
    const audit = await ctx.db.kysely.selectFrom('audit_log').selectAll().execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'household.read', subject_type: 'household' })]);
  });

  it('refuses wrong credentials and anonymous requests with stable error ids', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().id).toBe('invalid_credentials');
    const anonymous = await app.inject({ method: 'GET', url: '/api/warnings' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().id).toBe('authentication_required');
  });

  it('answers a malformed query with the field and why', async () => {
    const cookie = await login('worker', 'pw-worker-1');
    const res = await app.inject({ method: 'GET', url: '/api/warnings?status=maybe', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ id: 'validation_error', details: [expect.objectContaining({ field: 'status' })] });
  });
});
