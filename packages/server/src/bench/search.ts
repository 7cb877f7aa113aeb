/**
 * Person search latency on a large registry: builds a demo city of `--persons` people, loads it
 * (bulk, not through intake), then runs `--searches` mixed searches — names, pinyin initials, ID
 * and phone tails, address fragments — as a city administrator (whole city) and as a
 * sub-district worker. Last line: {"bench":"search","search_persons":…,"search_p95_ms":…,…}
 *   npm run bench -- search [--persons 5000000] [--searches 1000] [--database postgres://…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCity } from '@shouwang/simulator';
import { configFromEnv } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { ephemeralKeys } from '../identity/keys.js';
import { loadInSlices, runSearches } from './search-runner.js';
import { scratchDatabase } from './scratch-database.js';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '5000000' }, searches: { type: 'string', default: '1000' }, database: { type: 'string' } } });
const persons = Number(values.persons);
const searches = Number(values.searches);
const today = '2026-12-04';
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-search-'));

const scratch = values.database ? await scratchDatabase(values.database) : undefined;
try {
  const started = performance.now();
  const city = generateCity({ seed: 5, persons, today });
  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: scratch?.url, demoPersons: 0, feedIntervalMs: 0 };
  const db = openDatabase(config);
  const clock = { now: () => new Date(`${today}T04:00:00Z`), today: () => today };
  const ctx = await createContext(config, { db, keys: ephemeralKeys(), clock });
  await loadInSlices(ctx, city, clock.now().toISOString());
  const loadSeconds = (performance.now() - started) / 1000;

  const figures = await runSearches(ctx, city, searches, today);
  for (const [key, p95] of Object.entries(figures.byKind)) console.log(`  ${key.padEnd(28)} p95 ${p95.toFixed(1)} ms`);
  await ctx.close();
  console.log(`${db.dialect}: ${persons} persons loaded in ${loadSeconds.toFixed(0)} s; ${searches} searches, ${figures.hits} hits; p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms`);
  console.log(JSON.stringify({
    bench: 'search', dialect: db.dialect, search_persons: persons, searches, load_s: Math.round(loadSeconds),
    search_p50_ms: figures.p50Ms, search_p95_ms: figures.p95Ms,
  }));
} finally {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
