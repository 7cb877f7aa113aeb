/**
 * Medical settlement CSV import throughput, on the embedded SQLite store or PostgreSQL, with a
 * baseline in the same run: the same file only parsed and inserted raw into one table in one
 * transaction. Prints one JSON line last.
 *   npm run bench -- csv-import [--rows 100000] [--persons 20000] [--database postgres://…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import BetterSqlite3 from 'better-sqlite3';
import { addDays, MEDICAL_SETTLEMENT } from '@shouwang/domain';
import { generateCity, generateSettlements, settlementsToCsv } from '@shouwang/simulator';
import { configFromEnv } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { loadDemoCity } from '../demo/demo-city.js';
import { ephemeralKeys } from '../identity/keys.js';
import { scratchDatabase } from './scratch-database.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, persons: { type: 'string', default: '20000' }, database: { type: 'string' } } });
const rows = Number(values.rows);
const persons = Number(values.persons);
const today = '2026-12-04';

const dir = mkdtempSync(join(tmpdir(), 'sw-bench-'));
const scratch = values.database ? await scratchDatabase(values.database) : undefined;
try {
  const city = generateCity({ seed: 7, persons, today });
  const csv = settlementsToCsv(generateSettlements(city, { seed: 7, count: rows, from: addDays(today, -360), to: today }), { encoding: 'utf8' });

  // Baseline: parse and insert the raw rows, nothing else.
  const baselineStart = performance.now();
  const raw = new BetterSqlite3(join(dir, 'baseline.sqlite'));
  raw.pragma('journal_mode = WAL');
  const records = parse(csv, { from_line: 2 }) as string[][];
  raw.exec('CREATE TABLE raw_row (c1, c2, c3, c4, c5, c6, c7, c8, c9)');
  const insert = raw.prepare('INSERT INTO raw_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  raw.transaction(() => { for (const r of records) insert.run(r); })();
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  raw.close();

  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: scratch?.url, demoPersons: 0, feedIntervalMs: 0 };
  const db = openDatabase(config);
  const clock = { now: () => new Date(`${today}T04:00:00Z`), today: () => today };
  const ctx = await createContext(config, { db, keys: ephemeralKeys(), clock });
  await loadDemoCity(ctx.db, ctx.keys, city, clock.now().toISOString());
  const start = performance.now();
  const outcome = await ctx.deliveries.deliver({ sourceId: MEDICAL_SETTLEMENT.id, fileName: 'bench.csv', file: { bytes: csv }, channel: 'cli', submittedBy: null });
  const seconds = (performance.now() - start) / 1000;
  if (outcome.status !== 'applied') throw new Error(`bench import ${outcome.status}`);
  await ctx.close();

  const rate = Math.round(rows / seconds);
  const baselineRate = Math.round(rows / baselineSeconds);
  console.log(`imported ${outcome.batch.accepted} rows (${outcome.changes.length} warnings) in ${seconds.toFixed(2)} s on ${db.dialect}; baseline ${baselineSeconds.toFixed(2)} s`);
  console.log(JSON.stringify({
    bench: 'csv-import', dialect: db.dialect, rows, rate, baseline_rate: baselineRate,
    ratio: Number((rate / baselineRate).toFixed(3)), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
} finally {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
