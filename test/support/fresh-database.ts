/**
 * Databases with the schema and nothing else, for tests that need a record of their own (an import
 * into an empty database): a sibling on the server TEST_DATABASE_URL names, or an embedded one.
 */
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase } from '../../src/database/client.js';
import { startEmbeddedPostgres } from '../../src/database/embedded.js';
import { migrate } from '../../src/database/migrate.js';

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

/** A migrated, empty database for this test file, named by `suffix` on a server; its url once ready. */
export function freshDatabase(suffix: string): () => string {
  let url: string;
  let stop = async () => {};
  beforeAll(async () => {
    if (inject('databaseKind') === 'server') url = await sibling(inject('databaseUrl'), suffix);
    else ({ url, stop } = await startEmbeddedPostgres());
    const db = createDatabase({ url });
    try {
      await migrate(db, url);
    } finally {
      await db.$disconnect();
    }
  });
  afterAll(() => stop());
  return () => url;
}
