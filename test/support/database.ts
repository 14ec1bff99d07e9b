import { afterAll, inject } from 'vitest';
import { createDatabase, type Database } from '../../src/database/client.js';

export const SEEDS_DIR = new URL('../../seeds', import.meta.url).pathname;

/** A client on the run's seeded database that records every SQL statement it sends. */
export function testDatabase(): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const db = createDatabase({ url: inject('databaseUrl'), maxConnections: 4, onQuery: (e) => statements.push(e.query) });
  afterAll(() => db.$disconnect());
  return { db, statements };
}
