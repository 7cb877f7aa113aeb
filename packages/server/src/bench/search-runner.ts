import { Random, type DemoCity } from '@shouwang/simulator';
import type { SessionUser } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { loadDemoCity } from '../demo/demo-city.js';
import { PersonSearchService } from '../registry/person-search.service.js';
import { nameInitials } from '../registry/search-keys.js';

export interface SearchFigures {
  readonly searches: number;
  readonly hits: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** `kind/role` → p95 ms. */
  readonly byKind: Readonly<Record<string, number>>;
}

/** Loads a large city in bulk (not through intake), 50,000 households at a time so its rows are never all built at once. */
export async function loadInSlices(ctx: AppContext, city: DemoCity, now: string): Promise<void> {
  for (let i = 0; i < city.households.length; i += 50_000) {
    await loadDemoCity(ctx.db, ctx.keys, { ...city, households: city.households.slice(i, i + 50_000) }, now);
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * `count` mixed searches against a loaded city — name prefixes, pinyin initials, ID and phone
 * tails, roads — alternately as the city administrator (whole city) and as a worker of one
 * sub-district, timed one by one through the search service.
 */
export async function runSearches(ctx: AppContext, city: DemoCity, count: number, today: string): Promise<SearchFigures> {
  const random = new Random(6);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
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
  const subdistrict = city.households[0]?.communityCode.slice(0, 9) ?? ctx.config.cityCode;
  const users: SessionUser[] = [
    { id: 'bench-admin', username: 'admin', displayName: 'A', role: 'city_admin', territoryCodes: [ctx.config.cityCode] },
    { id: 'bench-worker', username: 'worker', displayName: 'W', role: 'social_worker', territoryCodes: [subdistrict] },
  ];
  const service = new PersonSearchService(ctx.db, ctx.territory, ctx.keys, () => today);
  const timings: number[] = [];
  const kinds = ['name', 'initials', 'id_tail', 'phone_tail', 'address'];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (const [i, q] of queries.entries()) {
    const user = users[i % 2] as SessionUser;
    const t = performance.now();
    const result = await service.search(user, q, 20);
    const ms = performance.now() - t;
    timings.push(ms);
    const key = `${kinds[i % 5]}/${user.role}`;
    byKind.set(key, [...(byKind.get(key) ?? []), ms]);
    hits += result.items.length;
  }
  timings.sort((a, b) => a - b);
  return {
    searches: count, hits, p50Ms: Number(percentile(timings, 0.5).toFixed(1)), p95Ms: Number(percentile(timings, 0.95).toFixed(1)), maxMs: Number((timings.at(-1) ?? 0).toFixed(1)),
    byKind: Object.fromEntries([...byKind].map(([key, list]) => [key, Number(percentile(list.sort((a, b) => a - b), 0.95).toFixed(1))])),
  };
}
