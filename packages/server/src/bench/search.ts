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
import { generateCity, Random } from '@shouwang/simulator';
import type { SessionUser } from '../accounts/account.service.js';
import { configFromEnv } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { loadDemoCity } from '../demo/demo-city.js';
import { ephemeralKeys } from '../identity/keys.js';
import { PersonSearchService } from '../registry/person-search.service.js';
import { nameInitials } from '../registry/search-keys.js';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '5000000' }, searches: { type: 'string', default: '1000' }, database: { type: 'string' } } });
const persons = Number(values.persons);
const searches = Number(values.searches);
const today = '2026-12-04';
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-search-'));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

try {
  const started = performance.now();
  const city = generateCity({ seed: 5, persons, today });
  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: values.database, demoPersons: 0, feedIntervalMs: 0 };
  const db = openDatabase(config);
  const clock = { now: () => new Date(`${today}T04:00:00Z`), today: () => today };
  const ctx = await createContext(config, { db, keys: ephemeralKeys(), clock });
  // Load in slices so the rows of five million people are never all built at once.
  const slice = 50_000;
  for (let i = 0; i < city.households.length; i += slice) {
    await loadDemoCity(ctx.db, ctx.keys, { ...city, households: city.households.slice(i, i + slice) }, clock.now().toISOString());
  }
  const loadSeconds = (performance.now() - started) / 1000;

  const random = new Random(6);
  const queries: string[] = [];
  for (let i = 0; i < searches; i++) {
    const household = random.pick(city.households);
    const person = random.pick(household.members);
    switch (i % 5) {
      case 0: queries.push(person.name.slice(0, 2)); break;
      case 1: queries.push(nameInitials(person.name)); break;
      case 2: queries.push(person.residentId.slice(-4)); break;
      case 3: queries.push(household.members[0]?.phone?.slice(-4) ?? person.residentId.slice(-4)); break;
      default: queries.push(/街道(.{2,4}?[路街道村])/.exec(household.address)?.[1] ?? person.name); break;
    }
  }
  const subdistrict = city.households[0]?.communityCode.slice(0, 9) ?? '3201';
  const users: SessionUser[] = [
    { id: 'bench-admin', username: 'admin', displayName: 'A', role: 'city_admin', territoryCodes: [config.cityCode] },
    { id: 'bench-worker', username: 'worker', displayName: 'W', role: 'social_worker', territoryCodes: [subdistrict] },
  ];
  const service = new PersonSearchService(ctx.db, ctx.territory, ctx.keys, () => today);
  const timings: number[] = [];
  const kinds = ['name', 'initials', 'id_tail', 'phone_tail', 'address'];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const result = await service.search(users[i % 2] as SessionUser, q, 20);
    const ms = performance.now() - t;
    timings.push(ms);
    const key = `${kinds[i % 5]}/${(users[i % 2] as SessionUser).role}`;
    byKind.set(key, [...(byKind.get(key) ?? []), ms]);
    hits += result.items.length;
  }
  for (const [key, list] of byKind) console.log(`  ${key.padEnd(28)} p95 ${percentile(list.sort((a, b) => a - b), 0.95).toFixed(1)} ms`);
  await ctx.close();
  timings.sort((a, b) => a - b);
  console.log(`${db.dialect}: ${persons} persons loaded in ${loadSeconds.toFixed(0)} s; ${searches} searches, ${hits} hits; p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${timings.at(-1)?.toFixed(1)} ms`);
  console.log(JSON.stringify({
    bench: 'search', dialect: db.dialect, search_persons: persons, searches, load_s: Math.round(loadSeconds),
    search_p50_ms: Number(percentile(timings, 0.5).toFixed(1)), search_p95_ms: Number(percentile(timings, 0.95).toFixed(1)),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
