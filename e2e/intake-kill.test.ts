import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shouwang/domain';
import { corruptRows, generateCity, generateSettlements, settlementsToCsv } from '@shouwang/simulator';
import { configFromEnv } from '../packages/server/src/config.js';
import { createContext } from '../packages/server/src/context.js';
import { openSqlite } from '../packages/server/src/db/database.js';
import { loadDemoCity } from '../packages/server/src/demo/demo-city.js';
import { createKeys } from '../packages/server/src/identity/keys.js';

const CLI = resolve('packages/server/dist/cli.js');
const TODAY = new Date().toISOString().slice(0, 10);
const ROWS = 40_000;

/** A data folder with the same keys and the same demo city loaded, ready for the CLI. */
async function prepareDataDir(keyFile: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-kill-'));
  writeFileSync(join(dir, 'keys.json'), keyFile, { mode: 0o600 });
  const parsed = JSON.parse(keyFile) as { hmacKey: string; encryptionKey: string };
  const keys = createKeys(Buffer.from(parsed.hmacKey, 'base64'), Buffer.from(parsed.encryptionKey, 'base64'));
  const config = { ...configFromEnv({}), dataDir: dir, demoPersons: 0, feedIntervalMs: 0 };
  const ctx = await createContext(config, { keys });
  await loadDemoCity(ctx.db, keys, generateCity({ seed: 11, persons: 4_000, today: TODAY }), new Date().toISOString());
  await ctx.close();
  return dir;
}

/** The CLI's environment: this data folder, and transactions of 5,000 rows so the file commits in eight and kills land between them. */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, SHOUWANG_DATA_DIR: dataDir, DATABASE_URL: '', SHOUWANG_INTAKE_TRANSACTION_ROWS: '5000' };
}

function ingest(dataDir: string, file: string) {
  return spawn(process.execPath, [CLI, 'ingest', '--source', 'medical-settlement', file, '--json'], { env: cliEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The resume point of the pending batch, read while the importer runs (WAL readers do not block it). */
function pendingCheckpoint(dataDir: string): number | undefined {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(join(dataDir, 'shouwang.sqlite'), { readonly: true, fileMustExist: true });
    const row = db.prepare(`SELECT checkpoint_row FROM intake_batch WHERE status = 'pending'`).get() as { checkpoint_row: number } | undefined;
    return row?.checkpoint_row;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/** What a batch left in the database, independent of generated ids. */
function snapshot(dataDir: string) {
  const db = openSqlite(join(dataDir, 'shouwang.sqlite'));
  const all = (sql: string) => db.native.kind === 'sqlite' ? db.native.db.prepare(sql).all() : [];
  const result = {
    // A kill after the batch completed but before the process exited makes the final run a
    // re-delivery of an applied file: recorded as a duplicate, which changes nothing.
    batches: all(`SELECT status, rows, accepted, rejected, unchanged, signals, total_rows FROM intake_batch WHERE status <> 'duplicate'`),
    records: all(`SELECT record_key, version, content_hash, is_current, row_number FROM intake_record ORDER BY record_key, version`),
    signals: all(`SELECT s.record_key, s.kind, s.amount_fen, s.occurred_on, s.row_number, h.external_key FROM signal s LEFT JOIN household h ON h.id = s.household_id ORDER BY s.record_key, s.kind`),
    rejects: all(`SELECT row_number, column_name, rule FROM intake_reject ORDER BY row_number, column_name`),
    warnings: all(`SELECT h.external_key, w.situation, w.key_figure_fen, w.status FROM warning w JOIN household h ON h.id = w.household_id ORDER BY h.external_key`),
    queue: all(`SELECT count(*) AS n FROM evaluation_queue`),
    checkpoint: all(`SELECT checkpoint_row FROM intake_batch WHERE status = 'pending'`),
  };
  void db.close();
  return result;
}

describe('an import killed at random points', () => {
  const keyFile = JSON.stringify({ hmacKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') });
  const work = mkdtempSync(join(tmpdir(), 'sw-kill-file-'));
  const file = join(work, '医保结算.csv');
  let reference: string;
  let interrupted: string;

  beforeAll(async () => {
    const city = generateCity({ seed: 11, persons: 4_000, today: TODAY });
    const rows = generateSettlements(city, { seed: 12, count: ROWS, from: addDays(TODAY, -300), to: TODAY, burdenShare: 0.05 });
    const { rows: spoiled } = corruptRows(rows, 13, 0.02);
    writeFileSync(file, settlementsToCsv(spoiled, { encoding: 'gbk' }));
    reference = await prepareDataDir(keyFile);
    interrupted = await prepareDataDir(keyFile);
  });

  afterAll(() => {
    for (const dir of [reference, interrupted, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the same counts and contents as an uninterrupted import', async () => {
    const clean = spawnSync(process.execPath, [CLI, 'ingest', '--source', 'medical-settlement', file, '--json'], {
      env: cliEnv(reference), encoding: 'utf8',
    });
    expect(clean.status, clean.stderr).toBe(0);
    const expected = snapshot(reference);
    expect(expected.batches).toEqual([expect.objectContaining({ status: 'applied', rows: ROWS, total_rows: ROWS })]);

    // Kill points: one early (start-up, the read-through pass), then at random rows while
    // applying, each a random moment after a chunk committed, so it lands inside the next one.
    const targets = [0, ...[0.1, 0.35, 0.6, 0.85].map((f) => Math.floor(ROWS * (f + Math.random() * 0.1)))];
    const checkpoints: number[] = [];
    for (const target of targets) {
      const child = ingest(interrupted, file);
      let exited = false;
      child.once('exit', () => { exited = true; });
      if (target === 0) {
        await sleep(200 + Math.floor(Math.random() * 1000));
      } else {
        while (!exited && (pendingCheckpoint(interrupted) ?? 0) < target) await sleep(25);
        await sleep(Math.floor(Math.random() * 250));
      }
      if (exited) break;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      checkpoints.push(pendingCheckpoint(interrupted) ?? -1);
    }
    console.info(`killed at checkpoints: ${checkpoints.map((c) => (c < 0 ? 'none pending' : c)).join(', ')} of ${ROWS} rows`);
    // At least one kill must have landed in the middle of applying, between two chunks' commits.
    expect(checkpoints.some((c) => c > 0 && c <= ROWS), `checkpoints at the kills: ${checkpoints.join(', ')}`).toBe(true);
    const finish = spawnSync(process.execPath, [CLI, 'ingest', '--source', 'medical-settlement', file, '--json'], {
      env: cliEnv(interrupted), encoding: 'utf8',
    });
    expect(finish.status, finish.stderr).toBe(0);
    const actual = snapshot(interrupted);
    expect(actual.batches).toEqual(expected.batches);
    expect(actual.checkpoint).toEqual([]);
    expect(actual.records.length).toBe(expected.records.length);
    expect(actual.records).toEqual(expected.records);
    expect(actual.signals).toEqual(expected.signals);
    expect(actual.rejects).toEqual(expected.rejects);
    expect(actual.warnings).toEqual(expected.warnings);
    expect(actual.queue).toEqual([{ n: 0 }]);
  });
});
