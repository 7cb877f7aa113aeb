import type { FastifyInstance } from 'fastify';
import { maskResidentId } from '@shouwang/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createHousehold, departmentCsv, settlementCsv, type TestHousehold } from '../../test/factories.js';
import { buildApp } from '../http/app.js';

const MINE = '320102002001';
const OTHER = '320106001003';

describe.each(DIALECTS)('household provenance on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let mine: TestHousehold;
  let other: TestHousehold;
  let cookie: string;

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    app = await buildApp(ctx, { logger: false });
    mine = await createHousehold(ctx, { communityCode: MINE, annualIncomeFen: 5_000_000, headName: '王立新' });
    other = await createHousehold(ctx, { communityCode: OTHER, annualIncomeFen: 5_000_000 });
    await ctx.deliveries.deliver({
      sourceId: 'medical-settlement', fileName: '11月结算.csv', channel: 'upload', submittedBy: null,
      file: { bytes: Buffer.from(settlementCsv([
        { no: 'P1', id: mine.headResidentId, date: '2026-11-01', total: '100', reimbursed: '50', oop: '50' },
        { no: 'P2', id: other.headResidentId, date: '2026-11-01', total: '100', reimbursed: '50', oop: '50' },
      ])) },
    });
    await ctx.accounts.createUser({ username: 'worker', displayName: 'W', password: 'pw-worker-1', role: 'social_worker', territoryCodes: [MINE] });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: 'pw-worker-1' } });
    cookie = `sw_session=${res.cookies.find((c) => c.name === 'sw_session')!.value}`;
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('says for each fact which source, file and row it came from, and when', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/households/${mine.id}/provenance`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      householdId: mine.id, truncated: false,
      items: [{ memberName: '王立新', relation: '户主', sourceId: 'medical-settlement', department: '市医疗保障局', recordKey: 'P1', version: 1, current: true, fileName: '11月结算.csv', rowNumber: 2 }],
    });
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'subject_id']).execute();
    expect(audit).toEqual([{ action: 'household.provenance.read', subject_id: mine.id }]);
  });

  it('shows a key that holds a resident ID with the member\'s masked ID, not its keyed hash', async () => {
    await ctx.deliveries.deliver({
      sourceId: 'vehicle-registration', fileName: 'vehicles.csv', channel: 'upload', submittedBy: null,
      file: { bytes: departmentCsv('vehicle-registration', [{ plateNo: '苏A12345', vehicleType: '小型轿车', firstRegisteredOn: '2024-05-01', residentId: mine.headResidentId, name: '王立新', vehicleStatus: '正常' }]) },
    });
    const res = await app.inject({ method: 'GET', url: `/api/households/${mine.id}/provenance`, headers: { cookie } });
    const vehicle = (res.json() as { items: { sourceId: string; recordKey: string }[] }).items.find((i) => i.sourceId === 'vehicle-registration');
    expect(vehicle?.recordKey).toBe(`苏A12345 · ${maskResidentId(mine.headResidentId)}`);
    expect(res.body).not.toContain(ctx.keys.hashId(mine.headResidentId));
    expect(res.body).not.toContain(mine.headResidentId);
  });

  it("answers 404 for a household outside the caller's territory", async () => {
    const res = await app.inject({ method: 'GET', url: `/api/households/${other.id}/provenance`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
  });
});
