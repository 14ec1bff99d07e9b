/**
 * Opens the database the configuration names. The embedded one is made ready on the spot (migrations,
 * then the curated record); a server named by DATABASE_URL is set up by `npm run db:setup`, and the API
 * refuses to start against one whose migrations are behind.
 */
import type { Logger } from 'pino';
import { createDatabase, type Database } from './client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { migrate, pendingMigrations } from './migrate.js';
import { loadSeeds } from '../seed/load.js';

export interface OpenDatabase {
  db: Database;
  url: string;
  close(): Promise<void>;
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  seedsDir: string;
  log: Logger;
}): Promise<OpenDatabase> {
  const { log } = options;
  let embedded: EmbeddedPostgres | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir });
    url = embedded.url;
    log.info({ dataDir: options.dataDir }, 'embedded database started');
  }
  const db = createDatabase({ url });
  const close = async () => {
    await db.$disconnect();
    await embedded?.stop();
  };
  try {
    if (embedded) {
      await setUpDatabase(db, url, options.seedsDir, log);
    } else {
      const pending = await pendingMigrations(db);
      if (pending.length) throw new Error(`The database is missing migrations (${pending.join(', ')}); run \`npm run db:setup\`.`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { db, url, close };
}

/** Applies migrations, then loads the curated record unless the database already holds it. */
export async function setUpDatabase(db: Database, url: string, seedsDir: string, log: Logger): Promise<void> {
  const applied = await migrate(db, url);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  const seed = await loadSeeds(db, seedsDir);
  if (seed.keptForWrites)
    log.warn(
      { digest: seed.digest.slice(0, 12), writes: seed.keptForWrites },
      'seed files changed, but the database holds writes made through the API: the record was kept, not replaced',
    );
  else
    log.info(
      { digest: seed.digest.slice(0, 12), rows: seed.rows, loaded: seed.loaded },
      seed.loaded ? 'seed data loaded' : 'seed data already current',
    );
}
