import { NANJING_POLICY, cityTerritory, shanghaiDate, type PolicyEntry } from '@shouwang/domain';
import { AccountRepository } from './accounts/account.repository.js';
import { AccountService } from './accounts/account.service.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { loadKeys, type PersonalDataKeys } from './identity/keys.js';
import { DeliveryService } from './intake/delivery.service.js';
import { LiveHub } from './screen/live-hub.js';
import { ScreenService } from './screen/screen.service.js';
import { TerritoryRepository } from './territory/territory.repository.js';
import { WarningService } from './warnings/warning.service.js';

/** Everything a request handler may use, built once per process. */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly keys: PersonalDataKeys;
  readonly clock: Clock;
  readonly policy: readonly PolicyEntry[];
  readonly territory: TerritoryRepository;
  readonly accounts: AccountService;
  readonly deliveries: DeliveryService;
  readonly warnings: WarningService;
  readonly screen: ScreenService;
  readonly hub: LiveHub;
  close(): Promise<void>;
}

/** Now, and today's ISO date in Asia/Shanghai. */
export interface Clock {
  now(): Date;
  today(): string;
}

export const systemClock: Clock = { now: () => new Date(), today: () => shanghaiDate(new Date()) };

/** Midnight today in Asia/Shanghai (UTC+8, no daylight saving), as an ISO timestamp. */
export function startOfShanghaiDay(now: Date): string {
  return new Date(`${shanghaiDate(now)}T00:00:00+08:00`).toISOString();
}

/** Opens the database, runs migrations, loads the city's territory and wires the services. */
export async function createContext(config: Config, options: { db?: Db; keys?: PersonalDataKeys; clock?: Clock } = {}): Promise<AppContext> {
  const db = options.db ?? openDatabase(config);
  await migrateToLatest(db);
  const city = cityTerritory(config.cityCode);
  if (!city) throw new Error(`no territory data for city ${config.cityCode}`);
  const territory = new TerritoryRepository(db);
  await territory.seed(city);
  const keys = options.keys ?? loadKeys({ dataDir: config.dataDir, idHashKey: config.idHashKey, encryptionKey: process.env.SHOUWANG_ENCRYPTION_KEY });
  const clock = options.clock ?? systemClock;
  const policy = NANJING_POLICY;
  const communities = await territory.communityCodes();
  const hub = new LiveHub();
  return {
    config, db, keys, clock, policy, territory,
    accounts: new AccountService(new AccountRepository(db.kysely), () => clock.now()),
    deliveries: new DeliveryService(db, keys, config.dataDir, clock, { cityCode: config.cityCode, policy }, communities, (change) => hub.publish(change), undefined, { transactionRows: config.intakeTransactionRows }),
    warnings: new WarningService(db, territory, keys, () => clock.today()),
    screen: new ScreenService(db, territory, config.cityCode, () => startOfShanghaiDay(clock.now())),
    hub,
    close: () => db.close(),
  };
}
