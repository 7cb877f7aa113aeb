import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createHousehold, type TestHousehold } from '../../test/factories.js';
import { buildApp } from '../http/app.js';
import { criteriaFor } from './person-search.service.js';
import { nameInitials, roadOf } from './search-keys.js';

const MINE = '320102002001';
const OTHER = '320106001003';

describe('what a search text means', () => {
  it('reads four digits as the end of an ID or a phone, letters as pinyin initials, Chinese as a name', () => {
    expect(criteriaFor('0154').map((c) => c.kind)).toEqual(['id_tail', 'phone_tail']);
    expect(criteriaFor('035x')).toEqual([{ kind: 'id_tail', value: '035X' }]);
    expect(criteriaFor('320102********0154')).toEqual([{ kind: 'id_tail', value: '0154' }]);
    expect(criteriaFor('ZJG')).toEqual([{ kind: 'initials', value: 'zjg' }]);
    expect(criteriaFor('王立').map((c) => c.kind)).toEqual(['name', 'address']);
    expect(criteriaFor('长江路12号')).toEqual([{ kind: 'address', value: '长江路' }]);
    expect(criteriaFor('梅园新村街道珠江路88号')).toEqual([{ kind: 'address', value: '珠江路' }]);
  });

  it('takes pinyin initials reading surnames as surnames', () => {
    expect(nameInitials('张建国')).toBe('zjg');
    expect(nameInitials('曾志伟')).toBe('zzw');
  });

  it('keys an address by its road or village', () => {
    expect(roadOf('玄武区梅园新村街道珠江路88号2栋301室')).toBe('珠江路');
    expect(roadOf('高淳区砖墙镇相北村5组18号')).toBe('相北村');
  });
});

describe.each(DIALECTS)('person search and household profile on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let wang: TestHousehold;
  let other: TestHousehold;
  const cookies: Record<string, string> = {};

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    app = await buildApp(ctx, { logger: false });
    wang = await createHousehold(ctx, { communityCode: MINE, annualIncomeFen: 2_000_000, headName: '王立新', phone: '13900001234', address: '玄武区梅园新村街道珠江路88号2栋301室' });
    other = await createHousehold(ctx, { communityCode: OTHER, annualIncomeFen: 2_000_000, headName: '王立平' });
    await ctx.accounts.createUser({ username: 'worker', displayName: 'W', password: 'pw-worker-1', role: 'social_worker', territoryCodes: [MINE] });
    await ctx.accounts.createUser({ username: 'admin', displayName: 'A', password: 'pw-admin-1', role: 'city_admin', territoryCodes: ['3201'] });
    for (const [u, p] of [['worker', 'pw-worker-1'], ['admin', 'pw-admin-1']] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: p } });
      cookies[u] = `sw_session=${res.cookies.find((c) => c.name === 'sw_session')!.value}`;
    }
  });
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  const search = async (who: string, q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/persons/search?q=${encodeURIComponent(q)}`, headers: { cookie: cookies[who]! } });
    expect(res.statusCode).toBe(200);
    return res.json().items as { name: string; householdId: string; matchedBy: string; residentId: string }[];
  };

  it('finds by name, pinyin initials, ID tail, phone tail and address, only inside the territory', async () => {
    expect((await search('worker', '王立')).map((h) => [h.name, h.matchedBy])).toEqual([['王立新', 'name']]);
    expect((await search('worker', 'wlx')).map((h) => h.name)).toEqual(['王立新']);
    expect((await search('worker', wang.headResidentId.slice(-4))).map((h) => [h.name, h.matchedBy])).toContainEqual(['王立新', 'id_tail']);
    expect((await search('worker', '1234')).map((h) => [h.name, h.matchedBy])).toContainEqual(['王立新', 'phone_tail']);
    expect((await search('worker', '珠江路')).map((h) => [h.name, h.matchedBy])).toEqual([['王立新', 'address']]);
    expect((await search('worker', other.headResidentId.slice(-4))).map((h) => h.householdId)).not.toContain(other.id);
  });

  it('masks names for the city administrator and IDs for everybody', async () => {
    const hits = await search('admin', '王立');
    expect(hits.map((h) => h.name).sort()).toEqual(['王**', '王**']);
    expect(hits.every((h) => /^\d{6}\*{8}[\dX]{4}$/.test(h.residentId))).toBe(true);
  });

  it('opens a profile only with a reason, records who, which household and why, and hides other territories', async () => {
    const noReason = await app.inject({ method: 'GET', url: `/api/households/${wang.id}`, headers: { cookie: cookies.worker! } });
    expect(noReason.statusCode).toBe(400);
    const res = await app.inject({ method: 'GET', url: `/api/households/${wang.id}?reason=home_visit`, headers: { cookie: cookies.worker! } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: wang.id, headName: '王立新', phone: '13900001234', address: '玄武区梅园新村街道珠江路88号2栋301室', members: [{ name: '王立新', relation: '户主' }] });
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'subject_id', 'detail']).execute();
    expect(audit).toEqual([{ action: 'household.read', subject_id: wang.id, detail: JSON.stringify({ via: 'profile', reason: 'home_visit' }) }]);
    const foreign = await app.inject({ method: 'GET', url: `/api/households/${other.id}?reason=home_visit`, headers: { cookie: cookies.worker! } });
    expect(foreign.statusCode).toBe(404);
  });
});
