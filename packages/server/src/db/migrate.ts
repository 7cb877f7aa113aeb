import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { resumableIntake } from './migrations/0002-resumable-intake.js';
import { personSearch } from './migrations/0003-person-search.js';
import { registryFromFeeds } from './migrations/0004-registry-from-feeds.js';
import { recordKeyHashes } from './migrations/0005-record-key-hash.js';
import { payloadBlocks } from './migrations/0006-payload-blocks.js';

/** Migrations are code in the repo, named by order; they run at start. */
class StaticMigrations implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '0001-initial': initial(this.db.dialect),
      '0002-resumable-intake': resumableIntake(this.db.dialect),
      '0003-person-search': personSearch(this.db.dialect),
      '0004-registry-from-feeds': registryFromFeeds(this.db.dialect),
      '0005-record-key-hash': recordKeyHashes(this.db.dialect),
      '0006-payload-blocks': payloadBlocks(this.db.dialect),
    };
  }
}

/** Migrates to the newest migration, or (for tests of a migration) to the one named. */
export async function migrateToLatest(db: Db, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticMigrations(db) });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
