/**
 * The low-income database at city scale: builds the 510,000-person demo city, writes its
 * departments' files, loads them through intake on a fresh embedded store (timed: `load_s`),
 * checks what the registry holds against what was generated, then times 1,000 mixed person
 * searches against a registry of `--search-persons` (5,000,000; loaded in bulk).
 * Last line: {"bench":"registry","persons":…,"load_s":…,"search_p95_ms":…,"search_persons":…}
 *   npm run bench:registry [-- --persons 510000] [--search-persons 5000000] [--searches 1000] [--database postgres://…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cityFiles, generateCity } from '@shouwang/simulator';
import { configFromEnv } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { loadCityFiles } from '../demo/city-loader.js';
import { ephemeralKeys } from '../identity/keys.js';
import { registryCensus } from '../registry/census.js';
import { loadInSlices, runSearches } from './search-runner.js';
import { scratchDatabase } from './scratch-database.js';

const { values } = parseArgs({ options: {
  persons: { type: 'string', default: '510000' }, 'search-persons': { type: 'string', default: '5000000' },
  searches: { type: 'string', default: '1000' }, database: { type: 'string' },
} });
const persons = Number(values.persons);
const searchPersons = Number(values['search-persons']);
const today = '2026-12-04';
const clock = { now: () => new Date(`${today}T04:00:00Z`), today: () => today };
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-registry-'));

async function freshContext(name: string) {
  const config = { ...configFromEnv({}), dataDir: join(dir, name), databaseUrl: scratch?.url, demoPersons: 0, feedIntervalMs: 0 };
  return createContext(config, { db: openDatabase(config), keys: ephemeralKeys(), clock });
}

const scratch = values.database ? await scratchDatabase(values.database) : undefined;
try {
  // 1. The city and its departments' files (not timed as loading).
  let t = performance.now();
  const city = generateCity({ seed: 3201, persons, today });
  const generated = await cityFiles(city, { dir: join(dir, "files"), today });
  console.error(`generated ${persons} persons and ${generated.files.length} files (${generated.files.reduce((n, f) => n + f.rows, 0)} rows) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // 2. Everything through intake, in delivery order.
  const ctx = await freshContext('load');
  t = performance.now();
  await loadCityFiles(ctx, generated.files, (load) => console.error(`  ${load.sourceId.padEnd(32)} ${String(load.rows).padStart(8)} rows  ${load.accepted} accepted  ${load.rejected} rejected  ${load.seconds.toFixed(1)} s`));
  const loadSeconds = (performance.now() - t) / 1000;
  const census = await registryCensus(ctx.db, ctx.config.cityCode, today);
  await ctx.close();
  const expected = generated.expected;
  const mismatches: string[] = [];
  const compare = (what: string, want: number, got: number) => { if (want !== got) mismatches.push(`${what}: generated ${want}, registry ${got}`); };
  // The death record comes last: the dead are no longer counted among the living.
  compare('persons', expected.persons - expected.deaths, census.persons);
  for (const [group, n] of Object.entries(expected.programmes)) {
    const got = census.programmes[group];
    compare(`${group} households`, n.households, got?.households ?? 0);
    compare(`${group} persons`, n.persons, got?.persons ?? 0);
  }
  for (const [kind, n] of Object.entries(expected.conflicts)) compare(`conflicts ${kind}`, n, census.conflicts[kind] ?? 0);
  compare('leads', expected.leads, census.leads);
  console.error(`loaded in ${loadSeconds.toFixed(1)} s; registry ${census.persons} persons, ${census.households} households; ${mismatches.length === 0 ? 'every generated count matches' : `MISMATCHES:\n  ${mismatches.join('\n  ')}`}`);

  // 3. Searches against a large registry.
  const big = searchPersons === persons ? city : generateCity({ seed: 5, persons: searchPersons, today });
  const search = await freshContext('search');
  t = performance.now();
  await loadInSlices(search, big, clock.now().toISOString());
  console.error(`search registry: ${searchPersons} persons loaded in bulk in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const figures = await runSearches(search, big, Number(values.searches), today);
  await search.close();
  for (const [key, p95] of Object.entries(figures.byKind)) console.error(`  ${key.padEnd(28)} p95 ${p95.toFixed(1)} ms`);
  console.log(JSON.stringify({
    bench: 'registry', persons, load_s: Number(loadSeconds.toFixed(1)), counts_match: mismatches.length === 0,
    search_p95_ms: figures.p95Ms, search_p50_ms: figures.p50Ms, search_persons: searchPersons,
  }));
  if (mismatches.length > 0) process.exitCode = 1;
} finally {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
