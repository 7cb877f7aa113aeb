import { resolve } from 'node:path';

/** Rows of a delivery stored per transaction unless `SHOUWANG_INTAKE_TRANSACTION_ROWS` says otherwise (see `BatchProcessor`). */
export const INTAKE_TRANSACTION_ROWS = 50_000;

/** Everything the server reads from its environment, in one place. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Folder for the embedded database, keys and uploads. */
  readonly dataDir: string;
  /** `postgres://...` to use PostgreSQL; absent for the embedded SQLite file in dataDir. */
  readonly databaseUrl: string | undefined;
  /** Overrides the generated key file in dataDir (base64, 32 bytes). */
  readonly idHashKey: string | undefined;
  readonly cityCode: string;
  /** Demo city: persons to generate on first start (0 disables the demo). */
  readonly demoPersons: number;
  readonly demoSeed: number;
  /** Milliseconds between simulated medical settlements; 0 disables the live feed. */
  readonly feedIntervalMs: number;
  readonly secureCookies: boolean;
  readonly logLevel: string;
  /** Built web app to serve; absent in API-only tests. */
  readonly webDir: string | undefined;
  /** Rows of a delivery stored per transaction: a crash redoes at most this many. */
  readonly intakeTransactionRows: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.SHOUWANG_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    idHashKey: env.SHOUWANG_ID_HASH_KEY || undefined,
    cityCode: env.SHOUWANG_CITY ?? '3201',
    demoPersons: intFrom(env.SHOUWANG_DEMO_PERSONS, 20_000, 'SHOUWANG_DEMO_PERSONS'),
    demoSeed: intFrom(env.SHOUWANG_DEMO_SEED, 3201, 'SHOUWANG_DEMO_SEED'),
    feedIntervalMs: intFrom(env.SHOUWANG_FEED_INTERVAL_MS, 4000, 'SHOUWANG_FEED_INTERVAL_MS'),
    secureCookies: env.SHOUWANG_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: env.SHOUWANG_WEB_DIR === '' ? undefined : resolve(env.SHOUWANG_WEB_DIR ?? 'packages/web/dist'),
    intakeTransactionRows: Math.max(1, intFrom(env.SHOUWANG_INTAKE_TRANSACTION_ROWS, INTAKE_TRANSACTION_ROWS, 'SHOUWANG_INTAKE_TRANSACTION_ROWS')),
  };
}
