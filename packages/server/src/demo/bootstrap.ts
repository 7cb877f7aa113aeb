import { addDays, MEDICAL_SETTLEMENT } from '@shouwang/domain';
import { generateSettlements, settlementsToCsv, summarizeCity } from '@shouwang/simulator';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { demoCity, loadDemoCity } from './demo-city.js';

export const DEMO_PASSWORD = process.env.SHOUWANG_DEMO_PASSWORD ?? 'shouwang-demo';

export interface DemoAccount { username: string; role: string; scope: string }

export interface DemoReport {
  loaded: boolean;
  households: number;
  persons: number;
  backfillRows: number;
  backfillRowsPerSecond: number;
  accounts: DemoAccount[];
}

/**
 * First start with an empty database: a generated city (real Nanjing communities, synthetic
 * people), half a year of medical settlements imported through intake like a department's
 * file, and demo accounts. Later starts find the data and do nothing.
 */
export async function bootstrapDemo(ctx: AppContext, log: FastifyBaseLogger): Promise<DemoReport> {
  const { config } = ctx;
  if ((await new RegistryRepository(ctx.db).countHouseholds()) > 0) {
    return { loaded: false, households: 0, persons: 0, backfillRows: 0, backfillRowsPerSecond: 0, accounts: await listDemoAccounts(ctx) };
  }
  const today = ctx.clock.today();
  const city = demoCity(config.demoSeed, config.demoPersons, today);
  const loaded = await loadDemoCity(ctx.db, ctx.keys, city, ctx.clock.now().toISOString());
  const summary = summarizeCity(city);
  log.info({ households: summary.households, persons: summary.persons }, 'demo city loaded');

  const rows = generateSettlements(city, { seed: config.demoSeed, count: Math.max(200, Math.round(config.demoPersons / 4)), from: addDays(today, -180), to: today });
  const started = performance.now();
  const outcome = await ctx.deliveries.deliver({
    sourceId: MEDICAL_SETTLEMENT.id, fileName: `医保结算-近半年-${today}.csv`, file: { bytes: settlementsToCsv(rows, { encoding: 'gbk' }) }, channel: 'feed', submittedBy: null,
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'applied') throw new Error(`demo backfill was not applied: ${outcome.status}`);

  // The demo social worker looks after the sub-district where the backfill raised most warnings.
  const busiest = await ctx.db.kysely.selectFrom('warning').select((eb) => [eb.fn('substr', ['community_code', eb.val(1), eb.val(9)]).as('sub'), eb.fn.countAll<number>().as('n')])
    .groupBy('sub').orderBy('n', 'desc').limit(1).executeTakeFirst();
  const workerScope = busiest ? [String(busiest.sub)] : [config.cityCode];
  const communities = await ctx.territory.children(workerScope[0] as string);
  await ctx.accounts.createUser({ username: 'admin', displayName: '市民政局管理员', password: DEMO_PASSWORD, role: 'city_admin', territoryCodes: [config.cityCode] });
  await ctx.accounts.createUser({
    username: 'worker', displayName: '社区社工 王芳', password: DEMO_PASSWORD, role: 'social_worker',
    territoryCodes: communities.length > 0 ? communities.map((c) => c.code) : workerScope,
  });
  await ctx.accounts.createUser({ username: 'screen', displayName: '指挥中心大屏', password: DEMO_PASSWORD, role: 'screen_viewer', territoryCodes: [config.cityCode] });
  return {
    loaded: true, households: loaded.households, persons: loaded.persons,
    backfillRows: rows.length, backfillRowsPerSecond: Math.round(rows.length / seconds), accounts: await listDemoAccounts(ctx),
  };
}

async function listDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const users = await ctx.db.kysely.selectFrom('app_user').select(['id', 'username', 'role']).where('username', 'in', ['admin', 'worker', 'screen']).orderBy('username').execute();
  return Promise.all(users.map(async (u) => {
    const scopes = await ctx.db.kysely.selectFrom('user_scope').innerJoin('territory_unit', 'territory_unit.code', 'user_scope.territory_code')
      .select(['territory_unit.name', 'territory_unit.parent_code']).where('user_scope.user_id', '=', u.id).execute();
    const parent = scopes[0]?.parent_code ? (await ctx.territory.findMany([scopes[0].parent_code]))[0]?.name : undefined;
    const scope = scopes.length > 1 && parent ? `${parent} (${scopes.length} communities)` : scopes.map((s) => s.name).join(', ');
    return { username: u.username, role: u.role, scope };
  }));
}
