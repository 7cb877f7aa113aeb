import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../src/config.js';
import { createContext, type AppContext, type Clock } from '../src/context.js';
import { ephemeralKeys } from '../src/identity/keys.js';
import type { DialectName } from '../src/db/database.js';
import { createTestDb } from './databases.js';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public instant = new Date('2026-12-04T02:00:00.000Z')) {}
  now(): Date { return this.instant; }
  today(): string { return new Date(this.instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10); }
}

export interface TestContext extends AppContext { clock: TestClock; dispose(): Promise<void> }

/** A full application context on a fresh database of the dialect, with random keys and a fixed clock. */
export async function createTestContext(dialect: DialectName): Promise<TestContext> {
  const db = await createTestDb(dialect);
  const clock = new TestClock();
  const config = { ...configFromEnv({}), dataDir: mkdtempSync(join(tmpdir(), 'sw-data-')), demoPersons: 0, feedIntervalMs: 0, webDir: undefined, logLevel: 'silent' };
  const ctx = await createContext(config, { db, keys: ephemeralKeys(), clock });
  return { ...ctx, clock, dispose: () => db.dispose() };
}
