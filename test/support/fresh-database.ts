/**
 * Databases of a test file's own (an import into an empty database, or writes no other test may
 * see): a sibling on the server TEST_DATABASE_URL names, or an embedded one.
 */
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase } from '../../src/database/client.js';
import { startEmbeddedPostgres } from '../../src/database/embedded.js';
import { migrate } from '../../src/database/migrate.js';
import { setUpDatabase } from '../../src/database/open.js';
import { SEEDS_DIR } from './database.js';

/** A fresh database beside the one `url` names, on the same server. */
export async function sibling(url: string, suffix: string): Promise<string> {
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  target.pathname = `/${name}`;
  return target.toString();
}

/**
 * A migrated database for this test file, named by `suffix` on a server; its url once ready. Empty,
 * or with the curated record when `seeded` (for a test whose writes no other test may see).
 */
export function freshDatabase(suffix: string, { seeded = false } = {}): () => string {
  let url: string;
  let stop = async () => {};
  beforeAll(async () => {
    if (inject('databaseKind') === 'server') url = await sibling(inject('databaseUrl'), suffix);
    else ({ url, stop } = await startEmbeddedPostgres());
    const db = createDatabase({ url });
    try {
      if (seeded) await setUpDatabase(db, url, SEEDS_DIR, pino({ level: 'silent' }));
      else await migrate(db, url);
    } finally {
      await db.$disconnect();
    }
  });
  afterAll(() => stop());
  return () => url;
}
