/**
 * Intake throughput on department files: eight sources' CSV files totalling `--rows` rows
 * (2% bad), processed fully — read, validated, stored with provenance, signals emitted,
 * warnings evaluated — against a baseline in the same run that only parses the same files
 * and inserts the raw rows in one transaction (SQLite) or with COPY (PostgreSQL). The
 * baseline runs before and after the intake and counts at their mean time, so that a
 * machine whose speed drifts during the run (a shared VM) weighs on both sides alike. Then the
 * rows the run stored are written again alone into an empty database (`storageFloor`): the
 * least any intake with this schema could take, and so the highest ratio it could reach.
 * Last line: {"bench":"intake","rows":…,"rate":…,"baseline_rate":…,"ratio":…,"peak_rss_mb":…,"storage_floor_s":…,"ratio_ceiling":…}
 *   npm run bench -- intake [--rows 1000000] [--persons 20000] [--database postgres://…] [--sources id,id]
 */
import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { sourceById, type SourceDefinition } from '@shouwang/domain';
import { csvLines, generateCity, generateSourceRows } from '@shouwang/simulator';
import { configFromEnv } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase, openPostgres, openSqlite } from '../db/database.js';
import { loadDemoCity } from '../demo/demo-city.js';
import { ephemeralKeys } from '../identity/keys.js';
import { scratchDatabase } from './scratch-database.js';
import { storageFloor } from './storage-floor.js';

const ALL_SOURCES = ['medical-settlement', 'hospitalisation', 'temporary-assistance', 'major-disease-report',
  'social-insurance-contribution', 'income-tax', 'real-estate', 'vehicle-registration'];

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, persons: { type: 'string', default: '20000' }, database: { type: 'string' }, sources: { type: 'string' } } });
// `--sources a,b` narrows the mix, to see one source's cost alone.
const SOURCES = values.sources ? values.sources.split(',') : ALL_SOURCES;
const totalRows = Number(values.rows);
const today = '2026-12-04';
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-intake-'));

async function writeFile(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  // On disk before anything is timed: the kernel writing it back must not slow the baseline or the run.
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

async function sqliteBaseline(files: readonly string[]): Promise<number> {
  const started = performance.now();
  const file = join(dir, 'baseline.sqlite');
  rmSync(file, { force: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE raw_row (file INTEGER, line TEXT)');
  const insert = db.prepare('INSERT INTO raw_row VALUES (?, ?)');
  db.exec('BEGIN');
  for (const [i, file] of files.entries()) {
    await pipeline(createReadStream(file), parse({ from_line: 2, relax_column_count: true }), new Writable({
      objectMode: true,
      write(record: string[], _enc, done) { insert.run(i, JSON.stringify(record)); done(); },
    }));
  }
  db.exec('COMMIT');
  db.close();
  return (performance.now() - started) / 1000;
}

async function postgresBaseline(url: string, files: readonly string[]): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bench_raw_row; CREATE TABLE bench_raw_row (line text)');
  await client.query('BEGIN');
  for (const file of files) {
    const copy = client.query(copyStreams.from('COPY bench_raw_row (line) FROM STDIN WITH (FORMAT csv)'));
    await pipeline(createReadStream(file), parse({ from_line: 2, relax_column_count: true }), async function* (records: AsyncIterable<string[]>) {
      for await (const record of records) yield `"${JSON.stringify(record).replaceAll('"', '""')}"\n`;
    }, copy);
  }
  await client.query('COMMIT');
  await client.query('DROP TABLE bench_raw_row');
  await client.end();
  return (performance.now() - started) / 1000;
}

const scratch = values.database ? await scratchDatabase(values.database) : undefined;
try {
  const city = generateCity({ seed: 21, persons: Number(values.persons), today });
  const files: { source: SourceDefinition; path: string }[] = [];
  for (const [i, id] of SOURCES.entries()) {
    const source = sourceById(id);
    if (!source) throw new Error(`no source ${id}`);
    const count = Math.floor(totalRows / SOURCES.length) + (i < totalRows % SOURCES.length ? 1 : 0);
    const path = join(dir, `${id}.csv`);
    await writeFile(path, csvLines(source, generateSourceRows(source, city, { seed: 100 + i, count, today, badShare: 0.02 })));
    files.push({ source, path });
  }
  const baseline = () => (values.database ? postgresBaseline(values.database, files.map((f) => f.path)) : sqliteBaseline(files.map((f) => f.path)));
  const baselineBefore = await baseline();

  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: scratch?.url, demoPersons: 0, feedIntervalMs: 0 };
  const db = openDatabase(config);
  const clock = { now: () => new Date(`${today}T04:00:00Z`), today: () => today };
  const ctx = await createContext(config, { db, keys: ephemeralKeys(), clock });
  await loadDemoCity(ctx.db, ctx.keys, city, clock.now().toISOString());
  const batchIds: string[] = [];
  let accepted = 0;
  let rejected = 0;
  let signals = 0;
  const started = performance.now();
  for (const { source, path } of files) {
    const sourceStarted = performance.now();
    const outcome = await ctx.deliveries.deliver({ sourceId: source.id, fileName: `${source.id}.csv`, file: { path }, channel: 'cli', submittedBy: null });
    if (outcome.status !== 'applied') throw new Error(`${source.id}: ${outcome.status}${'batch' in outcome ? ` ${outcome.batch.refusal ?? ''}` : ''}`);
    batchIds.push(outcome.batch.id);
    accepted += outcome.batch.accepted;
    rejected += outcome.batch.rejected;
    signals += outcome.batch.signals;
    const m = process.memoryUsage();
    console.error(`${source.id}: ${((performance.now() - sourceStarted) / 1000).toFixed(1)} s, ${outcome.batch.rows} rows, ${outcome.batch.signals} signals; rss ${Math.round(m.rss / 1048576)} MB, heap ${Math.round(m.heapUsed / 1048576)} MB, external ${Math.round(m.external / 1048576)} MB`);
  }
  const seconds = (performance.now() - started) / 1000;
  // Taken before the floor's replay, which holds a batch's rows of a table in memory.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const floorScratch = values.database ? await scratchDatabase(values.database) : undefined;
  const floorDb = floorScratch ? openPostgres(floorScratch.url) : openSqlite(join(dir, 'storage-floor.sqlite'));
  let floor;
  try {
    floor = await storageFloor(db, batchIds, floorDb, config.intakeTransactionRows);
  } finally {
    await floorDb.close();
    await floorScratch?.drop();
  }
  await ctx.close();
  const baselineAfter = await baseline();
  const baselineSeconds = (baselineBefore + baselineAfter) / 2;
  const rate = Math.round(totalRows / seconds);
  const baselineRate = Math.round(totalRows / baselineSeconds);
  console.log(`${db.dialect}: ${totalRows} rows of ${files.length} sources in ${seconds.toFixed(1)} s (accepted ${accepted}, rejected ${rejected}, signals ${signals}); baseline ${baselineBefore.toFixed(1)} s before, ${baselineAfter.toFixed(1)} s after`);
  console.log(`storage floor: the ${floor.rows} rows the run's batches stored, written again alone into the same schema, take ${floor.seconds.toFixed(1)} s `
    + `(${Object.entries(floor.byTable).filter(([, s]) => s > 0).map(([t, s]) => `${t} ${s} s`).join(', ')}); the ratio cannot exceed ${(baselineSeconds / floor.seconds).toFixed(3)} with this schema`);
  console.log(JSON.stringify({
    bench: 'intake', dialect: db.dialect, rows: totalRows, rate, baseline_rate: baselineRate,
    ratio: Number((rate / baselineRate).toFixed(3)), peak_rss_mb: peakRssMb,
    storage_floor_s: Number(floor.seconds.toFixed(1)), ratio_ceiling: Number((baselineSeconds / floor.seconds).toFixed(3)),
  }));
} finally {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
