import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, MEDICAL_SETTLEMENT } from '@shouwang/domain';
import { cityFiles, formatCityFiles, generateSettlements, settlementsToCsv } from '@shouwang/simulator';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { registryCensus } from '../registry/census.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { loadCityFiles } from './city-loader.js';
import { demoCity } from './demo-city.js';

export const DEMO_PASSWORD = process.env.SHOUWANG_DEMO_PASSWORD ?? 'shouwang-demo';

export interface DemoAccount { username: string; role: string; scope: string }

export interface DemoReport {
  loaded: boolean;
  households: number;
  persons: number;
  /** Department files generated for the city and loaded through intake. */
  files: number;
  fileRows: number;
  loadSeconds: number;
  backfillRows: number;
  backfillRowsPerSecond: number;
  accounts: DemoAccount[];
}

/**
 * First start with an empty database: a generated city (real Nanjing communities, synthetic
 * people) whose departments' files — the household register, the rosters, the verification
 * sources — are loaded through intake like real deliveries; then half a year of medical
 * settlements, and demo accounts. Later starts find the data and do nothing.
 */
export async function bootstrapDemo(ctx: AppContext, log: FastifyBaseLogger): Promise<DemoReport> {
  const { config } = ctx;
  if ((await new RegistryRepository(ctx.db).countHouseholds()) > 0) {
    return { loaded: false, households: 0, persons: 0, files: 0, fileRows: 0, loadSeconds: 0, backfillRows: 0, backfillRowsPerSecond: 0, accounts: await listDemoAccounts(ctx) };
  }
  const today = ctx.clock.today();
  const city = demoCity(config.demoSeed, config.demoPersons, today);
  const dir = join(config.dataDir, 'demo-files');
  const generated = await cityFiles(city, { dir, today });
  for (const line of formatCityFiles(generated)) log.info(line);
  const loadStarted = performance.now();
  await loadCityFiles(ctx, generated.files, (load) => log.info({ source: load.sourceId, rows: load.rows, rejected: load.rejected, seconds: Number(load.seconds.toFixed(1)) }, 'demo file loaded'));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await rm(dir, { recursive: true, force: true });
  const census = await registryCensus(ctx.db, config.cityCode, today);
  log.info({ households: census.households, persons: census.persons, leads: census.leads, conflicts: census.conflicts }, 'demo city loaded through intake');

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
    loaded: true, households: census.households, persons: census.persons, files: generated.files.length,
    fileRows: generated.files.reduce((n, f) => n + f.rows, 0), loadSeconds,
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
